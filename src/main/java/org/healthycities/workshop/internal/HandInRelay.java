package org.healthycities.workshop.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the process of hand-ins, one at a time, each in its own transaction with the sheet marked as
 * signalled: a hundred groups handing in within a second would otherwise collide on the one process
 * instance of their session. A collision (another node relaying the same session) is simply tried again
 * on the next round; nothing is lost, as the hand-in is stored on the sheet before it is relayed.
 */
@Component
class HandInRelay {

    private static final Logger log = LoggerFactory.getLogger(HandInRelay.class);

    private final SheetRepository sheets;
    private final SessionRepository sessions;
    private final WorkshopRepository workshops;
    private final WorkshopProcess process;
    private final TransactionTemplate transactions;

    HandInRelay(SheetRepository sheets, SessionRepository sessions, WorkshopRepository workshops,
                WorkshopProcess process, PlatformTransactionManager transactionManager) {
        this.sheets = sheets;
        this.sessions = sessions;
        this.workshops = workshops;
        this.process = process;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Scheduled(initialDelayString = "${hc.workshop.relay-interval:1s}", fixedDelayString = "${hc.workshop.relay-interval:1s}")
    void relay() {
        List<Sheet> pending = sheets.findTop100BySignalledFalseAndStatusOrderBySubmittedAt(Sheet.Status.SUBMITTED);
        if (pending.isEmpty()) {
            return;
        }
        Map<Long, String> networkOfSession = sessions.findAllById(pending.stream().map(Sheet::getSessionId)
                        .distinct().toList()).stream()
                .collect(Collectors.toMap(WorkshopSession::getId, s -> workshops.findById(s.getWorkshopId())
                        .map(Workshop::getNetworkId).orElseThrow()));
        for (Sheet sheet : pending) {
            try {
                transactions.executeWithoutResult(status -> {
                    if (sheets.markSignalled(sheet.getId()) == 1) {
                        process.groupSubmitted(networkOfSession.get(sheet.getSessionId()), sheet.getSessionId(),
                                sheet.getGroupId());
                    }
                });
            } catch (OptimisticLockingException e) {
                log.debug("Hand-in of sheet {} collided on the process; tried again next round", sheet.getId());
            }
        }
    }

}
