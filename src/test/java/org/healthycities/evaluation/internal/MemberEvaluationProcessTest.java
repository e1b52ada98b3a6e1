package org.healthycities.evaluation.internal;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.runDueJobs;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.healthycities.support.InMemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * bpmn/member-evaluation.bpmn on the in-memory engine, with {@code evaluationSteps} mocked: it says which
 * reminders fit before the member's deadline (the two reminder gateways) and when the timers fire. Business key:
 * the member evaluation's id. The paths:
 * <ol>
 *   <li>22 days or more to answer: reminded 14 days after the invitation and 7 days before the deadline, no
 *       answer, the secretariat's follow-up expects none (End_NoAnswer)</li>
 *   <li>8 to 21 days: only the reminder 7 days before the deadline ("nej, for kort tid" at the first gateway)</li>
 *   <li>7 days or fewer: no reminder ("nej, for kort tid" at both), straight to the deadline</li>
 *   <li>the follow-up extends the deadline: the process waits for the new one (loop Flow_Extended)</li>
 *   <li>the evaluation is submitted while waiting, the review accepts it (End_Accepted)</li>
 *   <li>submitted, the review sends it back: the waiting starts again with a new schedule (loop Flow_SentBack),
 *       submitted again, accepted</li>
 *   <li>submitted during the follow-up: the follow-up ends, the review starts</li>
 * </ol>
 * Not a path: the reminder 14 days after the invitation without the one before the deadline (ReminderSchedule
 * never gives the first without the second).
 */
@Deployment(resources = "bpmn/member-evaluation.bpmn")
class MemberEvaluationProcessTest {

    static final Long EVALUATION = 11L;
    static final Long ROUND = 3L;
    static final Instant INVITED = Instant.parse("2031-02-01T04:00:00Z");
    static final Instant DAY_14 = Instant.parse("2031-02-15T07:00:00Z");
    static final Instant WEEK_BEFORE_DEADLINE = Instant.parse("2031-03-08T07:00:00Z");
    static final Instant DEADLINE_PASSED = Instant.parse("2031-03-15T23:00:00Z");
    static final Instant EXTENDED_DEADLINE_PASSED = Instant.parse("2031-03-29T23:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    EvaluationSteps evaluationSteps = mock(EvaluationSteps.class);

    @BeforeEach
    void mockTheSteps() {
        Mocks.register("evaluationSteps", evaluationSteps);
        when(evaluationSteps.reminderAfterInvitation(EVALUATION)).thenReturn(Date.from(DAY_14));
        when(evaluationSteps.reminderBeforeDeadline(EVALUATION)).thenReturn(Date.from(WEEK_BEFORE_DEADLINE));
        when(evaluationSteps.afterDeadline(EVALUATION)).thenReturn(Date.from(DEADLINE_PASSED));
        when(evaluationSteps.tasklistVariables()).thenReturn(EvaluationService.TASKLIST_VARIABLES);
        clockAt(INVITED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void longTimeToAnswer_bothRemindersGoOut_noAnswer_followUpExpectsNone() {
        reminders(true, true);
        ProcessInstance pi = roundOpensForTheMember();
        verify(evaluationSteps).invite(EVALUATION); // in the transaction that starts the process (its batch's)
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");

        timePassesTo(DAY_14);
        verify(evaluationSteps).remind(EVALUATION, "after-invitation");
        assertThat(pi).isWaitingAt("Timer_BeforeDeadline");

        timePassesTo(WEEK_BEFORE_DEADLINE);
        verify(evaluationSteps).remind(EVALUATION, "before-deadline");
        assertThat(pi).isWaitingAt("Timer_Deadline");

        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        assertThat(task()).hasCandidateGroup("secretariat").hasDueDate(Date.from(DEADLINE_PASSED.plus(7, DAYS)));

        complete(task(), withVariables("extended", false));
        verify(evaluationSteps).noAnswer(EVALUATION);
        assertThat(pi).isWaitingAt("End_NoAnswer");

        runDueJobs();
        assertThat(pi).hasPassedInOrder("Task_Invite", "Timer_AfterInvitation", "Task_Remind1", "Timer_BeforeDeadline",
                "Task_Remind2", "Timer_Deadline", "Task_FollowUp", "Task_NoAnswer", "End_Waiting", "End_NoAnswer")
                .hasNotPassed("Task_Review").isEnded();
    }

    @Test
    void eightTo21Days_onlyTheReminderBeforeTheDeadline() {
        reminders(false, true);
        ProcessInstance pi = roundOpensForTheMember();
        assertThat(pi).isWaitingAt("Timer_BeforeDeadline");

        timePassesTo(WEEK_BEFORE_DEADLINE);

        assertThat(pi).hasPassed("Task_Remind2").hasNotPassed("Timer_AfterInvitation", "Task_Remind1")
                .isWaitingAt("Timer_Deadline");
        verify(evaluationSteps, never()).reminderAfterInvitation(anyLong());
        verify(evaluationSteps).remind(EVALUATION, "before-deadline");
        verify(evaluationSteps, never()).remind(EVALUATION, "after-invitation");
    }

    @Test
    void sevenDaysOrFewer_noReminder_waitsForTheDeadline() {
        reminders(false, false);
        ProcessInstance pi = roundOpensForTheMember();

        assertThat(pi).isWaitingAt("Timer_Deadline").hasNotPassed("Task_Remind1", "Task_Remind2");
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(DEADLINE_PASSED));
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        verify(evaluationSteps, never()).remind(anyLong(), any());
    }

    @Test
    void followUpExtendsTheDeadline_waitsForTheNewDeadline() {
        reminders(false, false);
        when(evaluationSteps.afterDeadline(EVALUATION)).thenReturn(Date.from(DEADLINE_PASSED),
                Date.from(EXTENDED_DEADLINE_PASSED));
        ProcessInstance pi = roundOpensForTheMember();
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");

        complete(task(), withVariables("extended", true));

        assertThat(pi).isWaitingAt("Timer_Deadline");
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(EXTENDED_DEADLINE_PASSED));
        verify(evaluationSteps, never()).noAnswer(anyLong());

        timePassesTo(EXTENDED_DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        complete(task(), withVariables("extended", false));
        runDueJobs();
        assertThat(pi).hasPassed("Task_NoAnswer", "End_NoAnswer").isEnded();
    }

    @Test
    void submitted_reviewAccepts_evaluationIsAccepted() {
        reminders(true, true);
        when(evaluationSteps.answersForTasklist(EVALUATION)).thenReturn(Map.of(
                "goals", Variables.objectValue(List.of(Map.of("goal", "7", "progress", "ON_TRACK")))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create(),
                "wishes", "More green space"));
        ProcessInstance pi = roundOpensForTheMember();
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");

        evaluationSubmitted();
        assertThat(pi).isWaitingAt("Task_Review");
        assertThat(jobQuery().timers().count()).as("the reminder timer is gone").isZero();
        assertThat(task()).hasCandidateGroup("secretariat").hasDueDate(Date.from(INVITED.plus(14, DAYS)));
        assertThat(taskService().getVariablesLocal(task().getId())).containsEntry("wishes", "More green space");
        ObjectValue goals = taskService().getVariableLocalTyped(task().getId(), "goals", false);
        assertThat(goals.getSerializationDataFormat()).isEqualTo("application/json");
        assertThat(goals.getValueSerialized()).contains("ON_TRACK");

        claim(task(), "sekr");
        complete(task(), withVariables("decision", "accept", "reviewComment", "Fine work", "wishes", "More parks"));

        verify(evaluationSteps).reviewed(EVALUATION, "accept", "Fine work", "sekr");
        assertThat(pi).isWaitingAt("End_Accepted").variables().containsEntry("decision", "accept")
                .doesNotContainKeys("reviewComment", "wishes");
        runDueJobs();
        assertThat(pi).hasPassedInOrder("Message_EvaluationSubmitted", "Task_Review", "End_Accepted")
                .hasNotPassed("Task_Remind1", "End_NoAnswer").isEnded();
        verify(evaluationSteps, never()).sendBack(anyLong());
    }

    @Test
    void submitted_reviewSendsItBack_waitingStartsAgain_submittedAgain_accepted() {
        // waiting from the invitation: long enough for the reminder after 14 days; from the send-back: too short
        when(evaluationSteps.remindsAfterInvitation(EVALUATION)).thenReturn(true, false);
        when(evaluationSteps.remindsBeforeDeadline(EVALUATION)).thenReturn(false);
        ProcessInstance pi = roundOpensForTheMember();
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");
        evaluationSubmitted();

        complete(task(), withVariables("decision", "sendBack", "reviewComment", "Please add the activities"));
        // nobody claimed the task: the expression language passes its null assignee on as "", not null
        verify(evaluationSteps).reviewed(EVALUATION, "sendBack", "Please add the activities", "");
        assertThat(pi).isWaitingAt("Task_SendBack");

        runDueJobs();
        InOrder inOrder = inOrder(evaluationSteps);
        inOrder.verify(evaluationSteps).sendBack(EVALUATION);
        inOrder.verify(evaluationSteps, atLeastOnce()).remindsAfterInvitation(EVALUATION);
        assertThat(pi).as("counted from the send-back: too short for reminders now").isWaitingAt("Timer_Deadline")
                .hasNotPassed("Task_Remind1");

        evaluationSubmitted();
        complete(task(), withVariables("decision", "accept"));
        runDueJobs();
        assertThat(pi).hasPassed("Task_SendBack", "End_Accepted").isEnded();
        verify(evaluationSteps).invite(EVALUATION); // once: a send-back returns to the waiting, not the invitation
    }

    @Test
    void submittedDuringTheFollowUp_followUpEnds_reviewStarts() {
        reminders(false, false);
        ProcessInstance pi = roundOpensForTheMember();
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");

        evaluationSubmitted();

        assertThat(pi).isWaitingAt("Task_Review").isNotWaitingAt("Task_FollowUp");
        complete(task(), withVariables("decision", "accept"));
        runDueJobs();
        assertThat(pi).hasPassed("End_Accepted").hasNotPassed("Task_NoAnswer").isEnded();
        verify(evaluationSteps, never()).noAnswer(anyLong());
    }

    /** Which reminders fit before the member's deadline (ReminderSchedule, counted from the day the waiting starts). */
    void reminders(boolean afterInvitation, boolean beforeDeadline) {
        when(evaluationSteps.remindsAfterInvitation(EVALUATION)).thenReturn(afterInvitation);
        when(evaluationSteps.remindsBeforeDeadline(EVALUATION)).thenReturn(beforeDeadline);
    }

    /**
     * As annual-evaluation's call activity starts it: business key, evaluationId and the round's id; the invitation
     * goes out in the same transaction (no job of its own).
     */
    ProcessInstance roundOpensForTheMember() {
        return runtimeService().createProcessInstanceByKey("member-evaluation").businessKey(EVALUATION.toString())
                .setVariable("evaluationId", EVALUATION).setVariable("roundId", ROUND).execute();
    }

    /** As EvaluationService.submit says it. */
    void evaluationSubmitted() {
        runtimeService().createMessageCorrelation("EvaluationSubmitted")
                .processInstanceBusinessKey(EVALUATION.toString()).correlate();
    }
}
