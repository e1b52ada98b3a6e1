package org.healthycities.surveys.internal;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.runDueJobs;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.healthycities.support.InMemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/survey-member.bpmn on the in-memory engine, with {@code surveySteps} mocked ({@code reminds} decides
 * "Påmindelse før fristen?"; it gives the timers' times). Business key: the survey recipient's id. The paths:
 * <ol>
 *   <li>reminded before the deadline, no answer, the secretariat's follow-up expects none (End_NoAnswer)</li>
 *   <li>too short for a reminder ("nej"): straight to the deadline</li>
 *   <li>the follow-up extends the deadline: the process waits for the new one (loop Flow_Extended)</li>
 *   <li>the member answers while waiting (End_Answered)</li>
 *   <li>the member answers during the follow-up: the follow-up ends (End_Answered)</li>
 * </ol>
 */
@Deployment(resources = "bpmn/survey-member.bpmn")
class SurveyMemberProcessTest {

    static final Long RECIPIENT = 21L;
    static final Long SURVEY = 5L;
    static final Instant INVITED = Instant.parse("2031-09-01T08:00:00Z");
    static final Instant REMINDER = Instant.parse("2031-09-24T06:00:00Z");
    static final Instant DEADLINE_PASSED = Instant.parse("2031-09-30T22:00:00Z");
    static final Instant EXTENDED_DEADLINE_PASSED = Instant.parse("2031-10-07T22:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    SurveySteps surveySteps = mock(SurveySteps.class);

    @BeforeEach
    void mockTheSteps() {
        Mocks.register("surveySteps", surveySteps);
        when(surveySteps.reminderAt(RECIPIENT)).thenReturn(Date.from(REMINDER));
        when(surveySteps.afterDeadline(RECIPIENT)).thenReturn(Date.from(DEADLINE_PASSED));
        clockAt(INVITED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void reminded_noAnswer_followUpExpectsNone() {
        when(surveySteps.reminds(RECIPIENT)).thenReturn(true);
        ProcessInstance pi = memberIsAsked();
        assertThat(pi).isWaitingAt("Task_Invite");

        runDueJobs();
        verify(surveySteps).invite(RECIPIENT);
        assertThat(pi).isWaitingAt("Timer_Reminder");

        timePassesTo(REMINDER);
        verify(surveySteps).remind(RECIPIENT);
        assertThat(pi).isWaitingAt("Timer_Deadline");

        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        assertThat(task()).hasCandidateGroup("secretariat").hasDueDate(Date.from(DEADLINE_PASSED.plus(7, DAYS)));

        complete(task(), withVariables("extended", false));
        verify(surveySteps).noAnswer(RECIPIENT);
        runDueJobs();
        assertThat(pi).hasPassedInOrder("Task_Invite", "Timer_Reminder", "Task_Remind", "Timer_Deadline",
                "Task_FollowUp", "Task_NoAnswer", "End_Waiting", "End_NoAnswer").hasNotPassed("End_Answered")
                .isEnded();
    }

    @Test
    void tooShortForAReminder_waitsForTheDeadline() {
        when(surveySteps.reminds(RECIPIENT)).thenReturn(false);
        ProcessInstance pi = memberIsAsked();

        runDueJobs();

        assertThat(pi).isWaitingAt("Timer_Deadline").hasNotPassed("Timer_Reminder");
        verify(surveySteps, never()).reminderAt(anyLong());
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        verify(surveySteps, never()).remind(anyLong());
    }

    @Test
    void followUpExtendsTheDeadline_waitsForTheNewDeadline_memberAnswers() {
        when(surveySteps.reminds(RECIPIENT)).thenReturn(false);
        when(surveySteps.afterDeadline(RECIPIENT)).thenReturn(Date.from(DEADLINE_PASSED),
                Date.from(EXTENDED_DEADLINE_PASSED));
        ProcessInstance pi = memberIsAsked();
        runDueJobs();
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");

        complete(task(), withVariables("extended", true));

        assertThat(pi).isWaitingAt("Timer_Deadline");
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(EXTENDED_DEADLINE_PASSED));
        memberAnswers();
        runDueJobs();
        assertThat(pi).hasPassed("End_Answered").hasNotPassed("Task_NoAnswer").isEnded();
        verify(surveySteps, never()).noAnswer(anyLong());
    }

    @Test
    void memberAnswersBeforeTheReminder_done() {
        when(surveySteps.reminds(RECIPIENT)).thenReturn(true);
        ProcessInstance pi = memberIsAsked();
        runDueJobs();
        assertThat(pi).isWaitingAt("Timer_Reminder");

        memberAnswers();
        assertThat(pi).isWaitingAt("End_Answered");
        assertThat(jobQuery().timers().count()).as("the reminder timer is gone").isZero();

        runDueJobs();
        assertThat(pi).hasPassedInOrder("Task_Invite", "Message_SurveyAnswered", "End_Answered")
                .hasNotPassed("Task_Remind").isEnded();
        verify(surveySteps, never()).remind(anyLong());
    }

    @Test
    void memberAnswersDuringTheFollowUp_followUpEnds() {
        when(surveySteps.reminds(RECIPIENT)).thenReturn(false);
        ProcessInstance pi = memberIsAsked();
        runDueJobs();
        timePassesTo(DEADLINE_PASSED);
        assertThat(pi).isWaitingAt("Task_FollowUp");

        memberAnswers();
        runDueJobs();

        assertThat(pi).hasPassed("End_Answered").hasNotPassed("Task_NoAnswer").isEnded();
        assertThat(task(pi)).as("the follow-up task is gone").isNull();
    }

    /** As survey-round calls it: business key and recipientId, plus the survey's id. */
    ProcessInstance memberIsAsked() {
        return runtimeService().createProcessInstanceByKey("survey-member").businessKey(RECIPIENT.toString())
                .setVariable("recipientId", RECIPIENT).setVariable("surveyId", SURVEY).execute();
    }

    /** As SurveyProcess.answered says it. */
    void memberAnswers() {
        runtimeService().createMessageCorrelation("SurveyAnswered").processInstanceBusinessKey(RECIPIENT.toString())
                .correlate();
    }
}
