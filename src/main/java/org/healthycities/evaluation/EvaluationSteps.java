package org.healthycities.evaluation;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of bpmn/annual-evaluation.bpmn and bpmn/member-evaluation.bpmn, called by expressions such as
 * {@code ${evaluationSteps.prepare(roundId)}}. Public only because the engine's expression language calls
 * these methods by reflection; every step is idempotent, as the job executor may run it again.
 */
@Component("evaluationSteps")
@Transactional
public class EvaluationSteps {

    private final RoundService rounds;
    private final EvaluationService evaluations;

    EvaluationSteps(RoundService rounds, EvaluationService evaluations) {
        this.rounds = rounds;
        this.evaluations = evaluations;
    }

    /** Yearly timer: sets {@code due} and, when due, {@code roundId} and the business key. */
    public void openIfDue(DelegateExecution execution) {
        var round = rounds.openIfDue(execution.getTenantId(), Clock.today());
        execution.setVariable("due", round.isPresent());
        round.ifPresent(r -> {
            execution.setVariable("roundId", r.getId());
            execution.setProcessBusinessKey(r.getId().toString());
        });
    }

    public int prepare(Long roundId) {
        return rounds.prepare(roundId);
    }

    public List<Integer> batchNumbers(Long roundId) {
        return rounds.batchNumbers(roundId);
    }

    public List<Long> batch(Long roundId, Integer batch) {
        return rounds.batch(roundId, batch);
    }

    /** When the round closes at the latest: the start of the day after deadline plus grace. */
    public Date roundClosesAt(Long roundId) {
        return Clock.startOf(evaluations.round(roundId).getClosesOn().plusDays(1));
    }

    public void close(Long roundId) {
        rounds.close(roundId);
    }

    public void invite(Long evaluationId) {
        evaluations.invite(evaluationId);
    }

    public void remind(Long evaluationId, String which) {
        evaluations.remind(evaluationId, which);
    }

    public void sendBack(Long evaluationId) {
        evaluations.mailSentBack(evaluationId);
    }

    public void noAnswer(Long evaluationId) {
        evaluations.noAnswer(evaluationId);
    }

    /** Seven days before the member's deadline, at the start of the day. */
    public Date reminderBeforeDeadline(Long evaluationId) {
        return Clock.startOf(evaluations.evaluation(evaluationId).getDeadline().minusDays(7));
    }

    /** The start of the day after the member's deadline: from then on the secretariat follows up. */
    public Date afterDeadline(Long evaluationId) {
        return Clock.startOf(evaluations.evaluation(evaluationId).getDeadline().plusDays(1));
    }
}
