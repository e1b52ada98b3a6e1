package org.healthycities.workshop.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of bpmn/workshop-group-work.bpmn, called by expressions such as
 * {@code ${workshopSteps.collectSheets(sessionId)}}: the session's id in, service calls out. Public only because
 * the engine's expression language calls these methods by reflection; every step is idempotent, as the job
 * executor may run it again. The work is done by {@link WorkshopService} and {@link SummaryMailing}; the engine
 * is called through {@link WorkshopProcess} only.
 */
@Component("workshopSteps")
@Transactional
public class WorkshopSteps {

    private final WorkshopService workshops;
    private final SummaryMailing mailing;

    WorkshopSteps(WorkshopService workshops, SummaryMailing mailing) {
        this.workshops = workshops;
        this.mailing = mailing;
    }

    /** The multi-instance collection of the group sheets: the session's group ids, one branch each. */
    public List<Long> groups(Long sessionId) {
        return workshops.groupIds(sessionId);
    }

    /**
     * Deadline or early close: the join code stops working and unsubmitted sheets are kept as drafts; returns
     * how many (the process keeps it as {@code drafts}).
     */
    public int collectSheets(Long sessionId) {
        return workshops.collectSheets(sessionId);
    }

    /** After the consolidation: the summary is mailed to every participant who left an address. */
    public void sendSummary(Long sessionId) {
        mailing.send(sessionId);
    }
}
