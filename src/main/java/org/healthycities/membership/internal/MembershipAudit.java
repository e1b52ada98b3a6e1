package org.healthycities.membership.internal;

import org.healthycities.tasks.AuditLog;
import org.springframework.stereotype.Component;

/** Writes the decisions on applications to the shared audit log, shown in the task page's history panel. */
@Component
class MembershipAudit {

    static final String RECORD_TYPE = "application";

    private final AuditLog audit;

    MembershipAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code kind} is a history kind; the row's action is its message key, so the panel shows it translated. */
    void decision(Application application, String actor, String kind, String detail) {
        audit.record(actor, application.getNetworkId(), RECORD_TYPE, String.valueOf(application.getId()),
                "membership.history." + kind, detail);
    }
}
