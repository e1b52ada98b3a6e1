package org.healthycities.evaluation.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of bpmn/evaluation-calendar.bpmn, bpmn/annual-evaluation.bpmn and bpmn/member-evaluation.bpmn, called
 * by expressions such as {@code ${evaluationSteps.prepare(roundId)}}: ids in, dates and service calls out. Public
 * only because the engine's expression language calls these methods by reflection; every step is idempotent, as
 * the job executor may run it again. Every date is a day of the network, in the network's own zone.
 */
@Component("evaluationSteps")
@Transactional
public class EvaluationSteps {

    private final RoundService rounds;
    private final EvaluationService evaluations;
    private final NetworkClock time;

    EvaluationSteps(RoundService rounds, EvaluationService evaluations, NetworkClock time) {
        this.rounds = rounds;
        this.evaluations = evaluations;
        this.time = time;
    }

    // ---- the calendar: the yearly round opens once, on the network's date --------------------------------

    public boolean autoStart(String networkId) {
        return rounds.settings(networkId).isAutoStart();
    }

    /** When the calendar's timer next opens a round (now, when a date just passed has no round yet). */
    public Date nextYearlyStart(String networkId, Integer handledYear) {
        return Date.from(rounds.nextYearlyStart(networkId, handledYear == null ? 0 : handledYear));
    }

    /** Opens the year's round when it is due; returns the calendar year handled, so the calendar moves on. */
    public int openYearly(String networkId) {
        return rounds.openYearly(networkId);
    }

    // ---- the round -----------------------------------------------------------------------------------------

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
        EvaluationRound round = evaluations.round(roundId);
        return time.timerAtStartOf(round.getNetworkId(), round.getClosesOn().plusDays(1));
    }

    public void close(Long roundId) {
        rounds.close(roundId);
    }

    // ---- one member ----------------------------------------------------------------------------------------

    public void invite(Long evaluationId) {
        evaluations.invite(evaluationId);
    }

    public void remind(Long evaluationId, String which) {
        evaluations.remind(evaluationId, which);
    }

    public void sendBack(Long evaluationId) {
        evaluations.mailSentBack(evaluationId);
    }

    /** The member's answers and the form's data, as the review task's local JSON variables for Camunda Tasklist. */
    public Map<String, Object> answersForTasklist(Long evaluationId) {
        EvaluationService.TasklistData data = evaluations.tasklistData(evaluationId);
        return EvaluationGateway.tasklistVariables(data.json(), data.plain());
    }

    /** The variables Tasklist submits with the form, which the process does not keep. */
    public Collection<String> tasklistVariables() {
        return EvaluationService.TASKLIST_VARIABLES;
    }

    /**
     * The review decided in Camunda Tasklist (our pages record theirs before they complete the task); a decision
     * the rules refuse stops the completion with the reason, which Tasklist shows.
     */
    public void reviewed(Long evaluationId, String decision, Object comment, String reviewer) {
        evaluations.reviewedInTasklist(evaluationId, decision, comment == null ? null : comment.toString(), reviewer)
                .ifPresent(reason -> {
                    throw EvaluationGateway.refusal(reason);
                });
    }

    public void noAnswer(Long evaluationId) {
        evaluations.noAnswer(evaluationId);
    }

    /** Whether the reminder 14 days after the invitation fits before the deadline's reminder (see {@link ReminderSchedule}). */
    public boolean remindsAfterInvitation(Long evaluationId) {
        return schedule(evaluationId).afterInvitation().isPresent();
    }

    public Date reminderAfterInvitation(Long evaluationId) {
        MemberEvaluation e = evaluations.evaluation(evaluationId);
        return reminderAt(e, schedule(e).afterInvitation().orElseThrow());
    }

    /** Whether the reminder 7 days before the deadline still comes after the invitation. */
    public boolean remindsBeforeDeadline(Long evaluationId) {
        return schedule(evaluationId).beforeDeadline().isPresent();
    }

    public Date reminderBeforeDeadline(Long evaluationId) {
        MemberEvaluation e = evaluations.evaluation(evaluationId);
        return reminderAt(e, schedule(e).beforeDeadline().orElseThrow());
    }

    /** The start of the day after the member's deadline: from then on the secretariat follows up. */
    public Date afterDeadline(Long evaluationId) {
        MemberEvaluation e = evaluations.evaluation(evaluationId);
        return time.timerAtStartOf(e.getNetworkId(), schedule(e).followUp());
    }

    private ReminderSchedule schedule(Long evaluationId) {
        return schedule(evaluations.evaluation(evaluationId));
    }

    /** Counted from today: the steps ask when the waiting starts (after the invitation or a send-back). */
    private ReminderSchedule schedule(MemberEvaluation e) {
        return new ReminderSchedule(time.today(e.getNetworkId()), e.getDeadline());
    }

    private Date reminderAt(MemberEvaluation e, LocalDate day) {
        return Date.from(time.at(e.getNetworkId(), day, ReminderSchedule.REMINDER_TIME));
    }
}
