package org.healthycities.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.runDueJobs;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import java.util.List;
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
 * bpmn/survey-round.bpmn on the in-memory engine, with {@code surveySteps} mocked ({@code forMembers} decides
 * "Til medlemmerne?"; it gives the batches, their recipients and the closing time) and survey-member replaced by
 * a stand-in that waits until the test completes it (survey-member has its own test). Business key: the survey's
 * id. The paths:
 * <ol>
 *   <li>to the members, every member's part ends: the survey is closed (Flow_AllDone)</li>
 *   <li>to the members, the grace days after the deadline pass first: the open parts are stopped, the survey is
 *       closed (Timer_Closes)</li>
 *   <li>by open link: the deadline passes, the survey is closed (Timer_OpenCloses)</li>
 *   <li>to the members, but no recipient (empty batches): the survey is closed at once</li>
 * </ol>
 */
@Deployment(resources = "bpmn/survey-round.bpmn")
class SurveyRoundProcessTest {

    static final Long SURVEY = 5L;
    static final Instant SENT = Instant.parse("2031-09-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2031-10-16T22:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    SurveySteps surveySteps = mock(SurveySteps.class);

    @BeforeEach
    void mockTheStepsAndTheMembersPart() {
        Mocks.register("surveySteps", surveySteps);
        when(surveySteps.closesAt(SURVEY)).thenReturn(Date.from(CLOSES));
        InMemoryEngine.deployCalledProcessStub(engine, "survey-member", "memberAnswers");
        clockAt(SENT);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void toTheMembers_everyMembersPartEnds_surveyIsClosed() {
        toTheMembersInTwoBatches();
        ProcessInstance pi = surveySent();
        assertThat(pi).isWaitingAt("SubProcess_Batch#multiInstanceBody");

        execute(job());
        assertThat(jobQuery().activityId("Call_Member#multiInstanceBody").count())
                .as("the members are asked in batches, a job per batch").isEqualTo(2);
        runDueJobs();
        assertThat(pi).isWaitingAt("Call_Member");
        assertThat(membersParts()).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("21", "22", "23");
        assertThat(membersParts()).extracting(m -> runtimeService().getVariable(m.getId(), "recipientId"),
                m -> runtimeService().getVariable(m.getId(), "surveyId"))
                .containsExactlyInAnyOrder(tuple(21L, SURVEY), tuple(22L, SURVEY), tuple(23L, SURVEY));
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(CLOSES));

        membersParts().forEach(m -> complete(task(m)));
        assertThat(pi).isWaitingAt("Task_Close");

        runDueJobs();
        verify(surveySteps).close(SURVEY);
        assertThat(pi).hasPassedInOrder("StartEvent_Sent", "SubProcess_Batch", "Gateway_Close", "Task_Close",
                "End_Closed").hasNotPassed("Timer_Closes", "Timer_OpenCloses").isEnded();
    }

    @Test
    void toTheMembers_graceDaysPass_openPartsAreStopped_surveyIsClosed() {
        toTheMembersInTwoBatches();
        ProcessInstance pi = surveySent();
        runDueJobs();
        complete(task(membersParts().get(0)));

        timePassesTo(CLOSES.minusSeconds(1));
        verify(surveySteps, never()).close(anyLong());

        timePassesTo(CLOSES);
        assertThat(pi).hasPassedInOrder("Timer_Closes", "Task_Close", "End_Closed").isEnded();
        verify(surveySteps).close(SURVEY);
        assertThat(membersParts()).as("the members' open parts are stopped").isEmpty();
    }

    @Test
    void byOpenLink_deadlinePasses_surveyIsClosed() {
        when(surveySteps.forMembers(SURVEY)).thenReturn(false);
        ProcessInstance pi = surveySent();
        assertThat(pi).isWaitingAt("Timer_OpenCloses");

        timePassesTo(CLOSES);

        assertThat(pi).hasPassedInOrder("Timer_OpenCloses", "Task_Close", "End_Closed")
                .hasNotPassed("SubProcess_Batch").isEnded();
        verify(surveySteps).close(SURVEY);
        verify(surveySteps, never()).batchNumbers(any());
    }

    @Test
    void toTheMembers_noRecipient_surveyIsClosedAtOnce() {
        when(surveySteps.forMembers(SURVEY)).thenReturn(true);
        when(surveySteps.batchNumbers(SURVEY)).thenReturn(List.of());
        ProcessInstance pi = surveySent();

        runDueJobs();

        assertThat(pi).hasPassed("Task_Close", "End_Closed").hasNotPassed("Call_Member").isEnded();
    }

    /** Batch 0 with recipients 21 and 22, batch 1 with recipient 23. */
    void toTheMembersInTwoBatches() {
        when(surveySteps.forMembers(SURVEY)).thenReturn(true);
        when(surveySteps.batchNumbers(SURVEY)).thenReturn(List.of(0, 1));
        when(surveySteps.batch(SURVEY, 0)).thenReturn(List.of(21L, 22L));
        when(surveySteps.batch(SURVEY, 1)).thenReturn(List.of(23L));
    }

    /** As SurveyProcess.start sends it (there with the network's tenant id). */
    ProcessInstance surveySent() {
        return runtimeService().createMessageCorrelation("SurveySent").processInstanceBusinessKey(SURVEY.toString())
                .setVariable("surveyId", SURVEY).correlateStartMessage();
    }

    List<ProcessInstance> membersParts() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("survey-member")
                .orderByBusinessKey().asc().list();
    }
}
