package org.healthycities.workshop;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The service steps of workshop-group-work; each is idempotent, as the job executor may retry it. */
final class ProcessSteps {

    private ProcessSteps() {
    }

    /** Deadline or early close: the code stops working and unsubmitted sheets are kept as drafts. */
    @Component("workshopCollectSheets")
    static class CollectSheets implements JavaDelegate {
        private final SessionRepository sessions;
        private final SheetStore sheets;
        private final Clock clock;

        CollectSheets(SessionRepository sessions, SheetStore sheets, Clock clock) {
            this.sessions = sessions;
            this.sheets = sheets;
            this.clock = clock;
        }

        @Override
        @Transactional
        public void execute(DelegateExecution execution) {
            Long sessionId = (Long) execution.getVariable("sessionId");
            WorkshopSession session = sessions.findById(sessionId).orElseThrow();
            session.close(clock.instant(), false);
            sessions.save(session);
            execution.setVariable("drafts", sheets.collectDrafts(sessionId));
        }
    }

    /** After the consolidation: the summary is mailed to every participant who left an address. */
    @Component("workshopSendSummary")
    static class SendSummary implements JavaDelegate {
        private final SummaryMailing mailing;

        SendSummary(SummaryMailing mailing) {
            this.mailing = mailing;
        }

        @Override
        public void execute(DelegateExecution execution) {
            mailing.send((Long) execution.getVariable("sessionId"));
        }
    }
}
