package org.healthycities.staff.internal;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.healthycities.security.CurrentUser;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The secretariat leads' group, made at start like the engine's other groups (after them, under the nodes' start-up
 * lock). A lead is also in the secretariat group; the lead's networks are the lead's tenants.
 */
@Component
class StaffGroups {

    private final IdentityService identity;

    StaffGroups(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(21)
    void setUp() {
        if (identity.createGroupQuery().groupId(CurrentUser.SECRETARIAT_LEAD).count() == 0) {
            Group group = identity.newGroup(CurrentUser.SECRETARIAT_LEAD);
            group.setName("Sekretariatsledere");
            group.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }
}
