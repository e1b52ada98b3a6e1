package org.healthycities.evaluation;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.healthycities.evaluation.internal.EvaluationRepository;
import org.healthycities.evaluation.internal.EvaluationService;
import org.healthycities.evaluation.internal.EvaluationStatus;
import org.healthycities.evaluation.internal.MemberEvaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells again, by the same {@link EvaluationSubmitted} event, about evaluations handed in before someone listened:
 * for a feature that starts keeping what members report on a network that already has evaluations.
 */
@Component
public class EvaluationsHandedIn {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationsHandedIn.class);

    private static final Set<EvaluationStatus> HANDED_IN = Set.of(EvaluationStatus.SUBMITTED, EvaluationStatus.ACCEPTED,
            EvaluationStatus.LATE, EvaluationStatus.SENT_BACK);

    private final EvaluationRepository evaluations;
    private final EvaluationService service;
    private final TransactionTemplate tx;

    EvaluationsHandedIn(EvaluationRepository evaluations, EvaluationService service,
                        PlatformTransactionManager txm) {
        this.evaluations = evaluations;
        this.service = service;
        this.tx = new TransactionTemplate(txm);
    }

    /** Announces every handed-in evaluation whose id {@code heard} does not know, each in its own transaction. */
    public int announce(Predicate<Long> heard) {
        List<Long> ids = tx.execute(t -> evaluations.findByStatusIn(HANDED_IN).stream().map(MemberEvaluation::getId)
                .filter(id -> !heard.test(id)).toList());
        int told = 0;
        for (Long id : ids) {
            try {
                tx.executeWithoutResult(t -> service.announce(service.evaluation(id)));
                told++;
            } catch (RuntimeException e) {
                // one evaluation that cannot be read (its round's strategy gone) must not keep the others untold
                LOG.warn("Evaluation {} could not be announced again: {}", id, e.toString());
            }
        }
        return told;
    }
}
