package org.healthycities.evaluation.internal;

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
 * bpmn/annual-evaluation.bpmn on the in-memory engine, with {@code evaluationSteps} mocked (it gives the batches,
 * the members of each batch and the closing date) and member-evaluation replaced by a stand-in that waits until
 * the test completes it (member-evaluation has its own test). Business key: the round's id. The paths:
 * <ol>
 *   <li>every member's evaluation ends: the round is closed (Flow_AllDone)</li>
 *   <li>deadline plus grace pass first: the open evaluations are stopped, the round is closed (Timer_RoundCloses)</li>
 *   <li>no member active on the start date (empty batches): the round is closed at once</li>
 * </ol>
 */
@Deployment(resources = "bpmn/annual-evaluation.bpmn")
class AnnualEvaluationProcessTest {

    static final Long ROUND = 3L;
    static final Instant OPENED = Instant.parse("2031-02-01T04:00:00Z");
    /** The start of the day after deadline plus grace. */
    static final Instant CLOSES = Instant.parse("2031-04-14T22:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    EvaluationSteps evaluationSteps = mock(EvaluationSteps.class);

    @BeforeEach
    void mockTheStepsAndTheMembersEvaluation() {
        Mocks.register("evaluationSteps", evaluationSteps);
        when(evaluationSteps.roundClosesAt(ROUND)).thenReturn(Date.from(CLOSES));
        InMemoryEngine.deployCalledProcessStub(engine, "member-evaluation", "memberIsEvaluated");
        clockAt(OPENED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void everyMembersEvaluationEnds_roundIsClosed() {
        twoBatches();
        ProcessInstance pi = roundRequested();
        assertThat(pi).isWaitingAt("Task_Prepare");

        execute(job());
        verify(evaluationSteps).prepare(ROUND);
        assertThat(pi).isWaitingAt("SubProcess_Batch#multiInstanceBody");

        execute(job());
        assertThat(jobQuery().activityId("Call_MemberEvaluation#multiInstanceBody").count())
                .as("the members' evaluations start in batches, a job per batch").isEqualTo(2);

        runDueJobs();
        assertThat(pi).isWaitingAt("Call_MemberEvaluation");
        assertThat(membersEvaluations()).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder("11", "12", "13");
        assertThat(membersEvaluations()).extracting(m -> runtimeService().getVariable(m.getId(), "evaluationId"),
                m -> runtimeService().getVariable(m.getId(), "roundId"))
                .containsExactlyInAnyOrder(tuple(11L, ROUND), tuple(12L, ROUND), tuple(13L, ROUND));
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(CLOSES));

        membersEvaluations().forEach(m -> complete(task(m)));
        assertThat(pi).isWaitingAt("Task_Close");

        runDueJobs();
        verify(evaluationSteps).close(ROUND);
        assertThat(pi).hasPassedInOrder("StartEvent_Manual", "Task_Prepare", "SubProcess_Batch", "Task_Close",
                "End_Closed").hasNotPassed("Timer_RoundCloses").isEnded();
    }

    @Test
    void deadlineAndGracePass_openEvaluationsAreStopped_roundIsClosed() {
        twoBatches();
        ProcessInstance pi = roundRequested();
        runDueJobs();
        complete(task(membersEvaluations().get(0)));

        timePassesTo(CLOSES.minusSeconds(1));
        verify(evaluationSteps, never()).close(any());
        assertThat(membersEvaluations()).hasSize(2);

        timePassesTo(CLOSES);
        assertThat(pi).hasPassedInOrder("Timer_RoundCloses", "Task_Close", "End_Closed").isEnded();
        verify(evaluationSteps).close(ROUND);
        assertThat(membersEvaluations()).as("the members' open evaluations are stopped").isEmpty();
    }

    @Test
    void noMemberActiveOnTheStartDate_roundIsClosedAtOnce() {
        when(evaluationSteps.batchNumbers(ROUND)).thenReturn(List.of());
        ProcessInstance pi = roundRequested();

        runDueJobs();

        assertThat(pi).hasPassedInOrder("Task_Prepare", "Task_Close", "End_Closed")
                .hasNotPassed("Call_MemberEvaluation").isEnded();
        verify(evaluationSteps).close(ROUND);
    }

    /** Batch 0 with members 11 and 12, batch 1 with member 13. */
    void twoBatches() {
        when(evaluationSteps.batchNumbers(ROUND)).thenReturn(List.of(0, 1));
        when(evaluationSteps.batch(ROUND, 0)).thenReturn(List.of(11L, 12L));
        when(evaluationSteps.batch(ROUND, 1)).thenReturn(List.of(13L));
    }

    /** As RoundService.requestStart opens it (there with the network's tenant id). */
    ProcessInstance roundRequested() {
        return runtimeService().createMessageCorrelation("EvaluationRoundRequested")
                .processInstanceBusinessKey(ROUND.toString()).setVariable("roundId", ROUND).correlateStartMessage();
    }

    List<ProcessInstance> membersEvaluations() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey("member-evaluation")
                .orderByBusinessKey().asc().list();
    }
}
