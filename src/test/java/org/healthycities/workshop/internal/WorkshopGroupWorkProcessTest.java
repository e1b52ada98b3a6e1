package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.runDueJobs;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
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
import org.mockito.InOrder;

/**
 * bpmn/workshop-group-work.bpmn on the in-memory engine, with the steps bean {@code workshopSteps} mocked (its
 * {@code groups} are the branches, one per group; {@code collectSheets} and {@code sendSummary} the service
 * tasks). Business key: the session's id, which every step gets. The paths:
 * <ol>
 *   <li>the deadline is reached while groups still write (deadlineReached): the sheets are collected, the
 *       secretariat consolidates, the summary is sent</li>
 *   <li>the secretariat closes early while groups still write (closedEarly)</li>
 *   <li>every group hands in, then the deadline is reached (waitForEnd, deadlineAfterAll)</li>
 *   <li>every group hands in, then the secretariat closes early (waitForEnd, closedEarlyAfterAll)</li>
 *   <li>a session without groups: nothing to hand in, it waits for the end at once</li>
 * </ol>
 * A hand-in reaches its own group's branch only (the local sheetGroupId), checked in path 1.
 */
@Deployment(resources = "bpmn/workshop-group-work.bpmn")
class WorkshopGroupWorkProcessTest {

    static final Long SESSION = 8L;
    static final Long GROUP_A = 101L;
    static final Long GROUP_B = 102L;
    static final Instant OPENED = Instant.parse("2031-06-10T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2031-06-10T11:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    WorkshopSteps workshopSteps = mock(WorkshopSteps.class);

    @BeforeEach
    void mockTheSteps() {
        when(workshopSteps.groups(SESSION)).thenReturn(List.of(GROUP_A, GROUP_B));
        // as WorkshopService.collectSheets does: how many sheets were not handed in (kept as drafts)
        when(workshopSteps.collectSheets(SESSION)).thenReturn(1);
        Mocks.register("workshopSteps", workshopSteps);
        clockAt(OPENED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void deadlineReachedWhileGroupsWrite_sheetsCollected_consolidated_summarySent() {
        ProcessInstance pi = sessionOpened();
        assertThat(pi).isWaitingAt("groupSheet");
        assertThat(groupsStillWriting()).containsExactlyInAnyOrder(GROUP_A, GROUP_B);

        groupHandsIn(GROUP_A);
        runDueJobs();
        assertThat(groupsStillWriting()).containsExactly(GROUP_B);

        timePassesTo(DEADLINE.minusSeconds(1));
        assertThat(pi).isWaitingAt("groupSheet");

        verify(workshopSteps, never()).collectSheets(any());
        timePassesTo(DEADLINE);
        assertThat(pi).hasPassed("deadlineReached", "sessionEnds", "collectSheets").isWaitingAt("consolidate");
        verify(workshopSteps).collectSheets(SESSION);
        assertThat(pi).variables().containsEntry("drafts", 1);
        assertThat(groupsStillWriting()).isEmpty();
        assertThat(task()).hasCandidateGroup("secretariat");

        complete(task());
        assertThat(pi).isWaitingAt("sendSummary");
        verify(workshopSteps, never()).sendSummary(any());
        runDueJobs();
        assertThat(pi).hasPassedInOrder("opened", "groupSheet", "deadlineReached", "sessionEnds", "collectSheets",
                "consolidate", "sendSummary", "done").hasNotPassed("waitForEnd").isEnded();
        sheetsCollectedThenSummarySent();
    }

    @Test
    void secretariatClosesEarlyWhileGroupsWrite_sheetsCollected() {
        ProcessInstance pi = sessionOpened();

        secretariatClosesEarly();
        assertThat(pi).hasPassed("closedEarly").isWaitingAt("collectSheets");
        assertThat(jobQuery().timers().count()).as("the deadline timer is gone").isZero();

        runDueJobs();
        assertThat(pi).isWaitingAt("consolidate").hasNotPassed("deadlineReached");
        complete(task());
        runDueJobs();
        assertThat(pi).hasPassed("done").isEnded();
        sheetsCollectedThenSummarySent();
    }

    @Test
    void everyGroupHandsIn_thenTheDeadlineIsReached() {
        ProcessInstance pi = sessionOpened();

        groupHandsIn(GROUP_A);
        groupHandsIn(GROUP_B);
        runDueJobs();
        assertThat(pi).hasPassed("groupSheet").isWaitingAt("waitForEnd");
        assertThat(jobQuery().timers().singleResult().getDuedate()).isEqualTo(Date.from(DEADLINE));
        verify(workshopSteps, never().description("nothing is collected before the end")).collectSheets(any());

        timePassesTo(DEADLINE);
        assertThat(pi).hasPassedInOrder("waitForEnd", "deadlineAfterAll", "sessionEnds", "collectSheets")
                .hasNotPassed("deadlineReached").isWaitingAt("consolidate");
        complete(task());
        runDueJobs();
        assertThat(pi).isEnded();
        sheetsCollectedThenSummarySent();
    }

    @Test
    void everyGroupHandsIn_thenTheSecretariatClosesEarly() {
        ProcessInstance pi = sessionOpened();
        groupHandsIn(GROUP_A);
        groupHandsIn(GROUP_B);
        runDueJobs();
        assertThat(pi).isWaitingAt("waitForEnd");

        secretariatClosesEarly();
        runDueJobs();

        assertThat(pi).hasPassedInOrder("waitForEnd", "closedEarlyAfterAll", "sessionEnds", "collectSheets")
                .hasNotPassed("closedEarly", "deadlineAfterAll").isWaitingAt("consolidate");
        assertThat(jobQuery().timers().count()).as("the deadline timer is gone").isZero();
        complete(task());
        runDueJobs();
        assertThat(pi).isEnded();
        sheetsCollectedThenSummarySent();
    }

    @Test
    void sessionWithoutGroups_waitsForTheEndAtOnce() {
        when(workshopSteps.groups(SESSION)).thenReturn(List.of());

        ProcessInstance pi = sessionOpened();
        runDueJobs();

        assertThat(pi).isWaitingAt("waitForEnd");
        timePassesTo(DEADLINE);
        assertThat(pi).hasPassed("deadlineAfterAll").isWaitingAt("consolidate");
        verify(workshopSteps).collectSheets(SESSION);
    }

    /** As WorkshopProcess.start starts it (there with the network's tenant id). */
    ProcessInstance sessionOpened() {
        return runtimeService().createProcessInstanceByKey("workshop-group-work").businessKey(SESSION.toString())
                .setVariable("sessionId", SESSION).setVariable("deadline", Date.from(DEADLINE)).execute();
    }

    /** As WorkshopProcess.groupSubmitted says it: only to the group's own branch. */
    void groupHandsIn(Long groupId) {
        runtimeService().createMessageCorrelation("workshop-sheet-submitted")
                .processInstanceBusinessKey(SESSION.toString()).localVariableEquals("sheetGroupId", groupId)
                .correlateAll();
    }

    /** As WorkshopProcess.closeEarly says it. */
    void secretariatClosesEarly() {
        runtimeService().createMessageCorrelation("workshop-close-early")
                .processInstanceBusinessKey(SESSION.toString()).correlateAll();
    }

    /** The groups whose branch still waits for their sheet. */
    List<Object> groupsStillWriting() {
        return runtimeService().createExecutionQuery().processInstanceBusinessKey(SESSION.toString())
                .messageEventSubscriptionName("workshop-sheet-submitted").list().stream()
                .map(e -> runtimeService().getVariableLocal(e.getId(), "sheetGroupId")).toList();
    }

    /** Each service task ran once, for the session: the sheets collected before the summary was sent. */
    void sheetsCollectedThenSummarySent() {
        InOrder order = inOrder(workshopSteps);
        order.verify(workshopSteps).collectSheets(SESSION);
        order.verify(workshopSteps).sendSummary(SESSION);
        order.verifyNoMoreInteractions();
    }
}
