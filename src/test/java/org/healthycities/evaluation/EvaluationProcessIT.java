package org.healthycities.evaluation;

import org.healthycities.support.DueJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.healthycities.evaluation.EvaluationTestSupport.answers;
import static org.healthycities.evaluation.EvaluationTestSupport.runJobsUntil;
import static org.healthycities.evaluation.EvaluationTestSupport.setClock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The two processes on the real engine, with the engine's clock moved: timers, reminders, escalation, review, closing. */
@IntegrationTest
class EvaluationProcessIT {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService taskService;
    @Autowired ManagementService management;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundService rounds;
    @Autowired EvaluationService evaluations;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired RoundRepository roundRepository;
    @Autowired EvaluationEvents events;

    String network;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        network = testNetworks.create("evp", 10, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        // four weeks to answer and one of grace keep the clock within weeks of today, well away from the
        // seeded networks' automatic start on 1 February
        rounds.saveSettings(network, false, 6, 3, 28, 7);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private List<MemberEvaluation> members(long roundId) {
        return evaluationRepository.findByRoundIdOrderByMemberName(roundId);
    }

    private EvaluationRound startWith(int memberCount, int year) {
        for (int i = 1; i <= memberCount; i++) {
            testMembers.activeMember(network, TestNetworks.code(i));
        }
        EvaluationRound round = rounds.startByHand(network, year, "test");
        runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == memberCount
                && members(round.getId()).stream().allMatch(e -> memberProcess(e) != null
                && !runtime.createExecutionQuery().processInstanceId(memberProcess(e).getId())
                .activityId("Timer_AfterInvitation").list().isEmpty()));
        return roundRepository.findById(round.getId()).orElseThrow();
    }

    ProcessInstance memberProcess(MemberEvaluation e) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation")
                .processInstanceBusinessKey(e.getId().toString()).tenantIdIn(network).singleResult();
    }

    ProcessInstance roundProcess(EvaluationRound round) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
                .processInstanceBusinessKey(round.getId().toString()).tenantIdIn(network).singleResult();
    }

    private EvaluationService.Outcome submit(MemberEvaluation e, Progress... progress) throws Exception {
        MemberEvaluation fresh = evaluations.evaluation(e.getId());
        var input = EvaluationInput.parse(answers(fresh.getVersion(), testNetworks.goalIds(network), progress),
                testNetworks.goalIds(network));
        return evaluations.save(e.getId(), input, true, null, null).outcome();
    }

    @Test
    void theYearlyTimerOpensLastYearsRoundOnTheNetworksOwnDate() {
        testMembers.activeMember(network, TestNetworks.code(1));
        testMembers.activeMember(network, TestNetworks.code(2));
        // June, so that the default date of the seeded networks (1 February + catch-up) is never reached here
        rounds.saveSettings(network, true, 6, 3, 30, 7);
        java.util.function.Supplier<Job> timer = () -> management.createJobQuery().tenantIdIn(network).timers()
                .activityId("StartEvent_Yearly").singleResult();
        assertThat(timer.get()).as("the timer start event is deployed for the network").isNotNull();

        setClock(LocalDateTime.of(2041, 6, 2, 5, 0, 1));
        DueJobs.fire(management, timer.get().getId());
        assertThat(roundRepository.findByNetworkIdAndYear(network, 2040)).as("not yet: the date is 3 June").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation").tenantIdIn(network).count()).isZero();

        setClock(LocalDateTime.of(2041, 6, 3, 5, 0, 1));
        DueJobs.fire(management, timer.get().getId());
        EvaluationRound round = roundRepository.findByNetworkIdAndYear(network, 2040).orElseThrow();
        assertThat(round.getStartDate()).isEqualTo(LocalDate.of(2041, 6, 3));
        assertThat(round.getDeadline()).isEqualTo(LocalDate.of(2041, 7, 3));
        assertThat(round.getStartedBy()).isEqualTo("timer");
        ProcessInstance pi = roundProcess(round);
        assertThat(pi).as("business key is the round id").isNotNull();
        runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 2);
        assertThat(pi).isWaitingAt("Call_MemberEvaluation");

        setClock(LocalDateTime.of(2041, 6, 4, 5, 0, 1));
        DueJobs.fire(management, timer.get().getId());
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation").tenantIdIn(network).count())
                .as("the next morning opens no second round").isEqualTo(1);
    }

    @Test
    void remindersThenEscalationThenAnExtendedDeadline() throws Exception {
        EvaluationRound round = startWith(1, 2031);
        MemberEvaluation e = members(round.getId()).get(0);
        ProcessInstance pi = memberProcess(e);
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");
        assertThat(events.count(e.getId(), EvaluationEvents.INVITED)).isEqualTo(1);
        assertThat(events.count(e.getId(), EvaluationEvents.REMINDED)).isZero();

        LocalDate start = round.getStartDate();
        setClock(start.plusDays(14).atTime(LocalTime.NOON));
        runJobsUntil(management, network, () -> events.count(e.getId(), EvaluationEvents.REMINDED) == 1);
        assertThat(pi).isWaitingAt("Timer_BeforeDeadline");

        setClock(round.getDeadline().minusDays(7).atTime(1, 0));
        runJobsUntil(management, network, () -> events.count(e.getId(), EvaluationEvents.REMINDED) == 2);
        assertThat(pi).isWaitingAt("Timer_Deadline");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).as("no escalation before the deadline").isZero();

        setClock(round.getDeadline().plusDays(1).atTime(0, 1));
        runJobsUntil(management, network, () -> taskService.createTaskQuery().processInstanceId(pi.getId()).count() == 1);
        assertThat(pi).isWaitingAt("Task_FollowUp");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("secretariat").singleResult().getName())
                .isEqualTo("Følg op med medlemmet");

        assertThat(evaluations.extend(e.getId(), round.getClosesOn().plusDays(1), "sek")).contains("evaluation.extend.afterClose");
        LocalDate extended = round.getDeadline().plusDays(5);
        assertThat(evaluations.extend(e.getId(), extended, "sek")).isEmpty();
        assertThat(pi).isWaitingAt("Timer_Deadline");
        Job deadlineTimer = management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_Deadline").singleResult();
        assertThat(deadlineTimer.getDuedate()).isEqualTo(Clock.startOf(extended.plusDays(1)));
        assertThat(evaluations.evaluation(e.getId()).getDeadline()).isEqualTo(extended);

        setClock(extended.atTime(12, 0));
        assertThat(submit(e, Progress.STARTED)).isEqualTo(EvaluationService.Outcome.SUBMITTED);
        assertThat(pi).isWaitingAt("Task_Review");
    }

    @Test
    void anExtensionBeforeTheDeadlineMovesTheTimers() {
        EvaluationRound round = startWith(1, 2032);
        MemberEvaluation e = members(round.getId()).get(0);
        ProcessInstance pi = memberProcess(e);
        LocalDate extended = round.getDeadline().plusDays(5);
        assertThat(evaluations.extend(e.getId(), extended, "sek")).isEmpty();
        setClock(round.getStartDate().plusDays(14).atTime(LocalTime.NOON));
        runJobsUntil(management, network, () -> events.count(e.getId(), EvaluationEvents.REMINDED) == 1);
        Job before = management.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_BeforeDeadline").singleResult();
        assertThat(before.getDuedate()).as("the reminder follows the member's own deadline")
                .isEqualTo(Clock.startOf(extended.minusDays(7)));
    }

    @Test
    void aSentBackFormReopensWithTheCommentAndAcceptingEndsTheRound() throws Exception {
        EvaluationRound round = startWith(1, 2033);
        MemberEvaluation e = members(round.getId()).get(0);
        ProcessInstance pi = memberProcess(e);
        assertThat(submit(e, Progress.WELL_UNDER_WAY)).isEqualTo(EvaluationService.Outcome.SUBMITTED);
        assertThat(pi).isWaitingAt("Task_Review");
        assertThat(evaluations.review(e.getId(), false, "Beskriv aktiviteten nærmere.", "sek")).isTrue();
        runJobsUntil(management, network, () -> events.count(e.getId(), EvaluationEvents.SENT_BACK_MAIL) == 1);
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");
        MemberEvaluation sentBack = evaluations.evaluation(e.getId());
        assertThat(sentBack.getStatus()).isEqualTo(EvaluationStatus.SENT_BACK);
        assertThat(sentBack.getReviewComment()).isEqualTo("Beskriv aktiviteten nærmere.");
        assertThat(sentBack.getStatus().editable()).isTrue();

        assertThat(submit(e, Progress.ACHIEVED)).isEqualTo(EvaluationService.Outcome.SUBMITTED);
        assertThat(pi).isWaitingAt("Task_Review");
        assertThat(evaluations.review(e.getId(), true, null, "sek")).isTrue();
        runJobsUntil(management, network, () -> roundRepository.findById(round.getId()).orElseThrow().isClosed());
        assertThat(pi).isEnded();
        assertThat(roundProcess(round)).isNull();
        EvaluationRound closed = roundRepository.findById(round.getId()).orElseThrow();
        assertThat(closed.getAcceptedCount()).isEqualTo(1);
        assertThat(closed.getMissingCount()).isZero();
    }

    @Test
    void theRoundClosesAtDeadlinePlusGraceWithMembersMissingAndALateAnswerCanBeAccepted() throws Exception {
        EvaluationRound round = startWith(3, 2034);
        List<MemberEvaluation> list = members(round.getId());
        MemberEvaluation answered = list.get(0);
        MemberEvaluation drafted = list.get(1);
        assertThat(submit(answered, Progress.STARTED)).isEqualTo(EvaluationService.Outcome.SUBMITTED);
        assertThat(evaluations.review(answered.getId(), true, null, "sek")).isTrue();
        var draft = EvaluationInput.parse(answers(evaluations.evaluation(drafted.getId()).getVersion(),
                testNetworks.goalIds(network), Progress.NOT_STARTED), testNetworks.goalIds(network));
        assertThat(evaluations.save(drafted.getId(), draft, false, null, null).outcome()).isEqualTo(EvaluationService.Outcome.SAVED);

        ProcessInstance roundPi = roundProcess(round);
        setClock(round.getClosesOn().plusDays(1).atTime(0, 5));
        runJobsUntil(management, network, () -> roundRepository.findById(round.getId()).orElseThrow().isClosed());
        assertThat(roundPi).isEnded();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation").tenantIdIn(network).count()).isZero();
        EvaluationRound closed = roundRepository.findById(round.getId()).orElseThrow();
        assertThat(closed.getAcceptedCount()).isEqualTo(1);
        assertThat(closed.getMissingCount()).isEqualTo(2);
        MemberEvaluation missingDraft = evaluations.evaluation(drafted.getId());
        assertThat(missingDraft.getStatus()).isEqualTo(EvaluationStatus.MISSING);
        assertThat(missingDraft.getInequalityText()).as("the draft is kept").isNotBlank();

        assertThat(submit(drafted, Progress.STARTED)).isEqualTo(EvaluationService.Outcome.LATE);
        assertThat(evaluations.evaluation(drafted.getId()).getStatus()).isEqualTo(EvaluationStatus.LATE);
        assertThat(evaluations.review(drafted.getId(), true, null, "sek")).isTrue();
        assertThat(roundRepository.findById(round.getId()).orElseThrow().getAcceptedCount()).isEqualTo(2);
    }

    @Test
    void aRoundCannotBeStartedTwiceForAYear() {
        testMembers.activeMember(network, TestNetworks.code(1));
        rounds.startByHand(network, 2035, "test");
        assertThatThrownBy(() -> rounds.startByHand(network, 2035, "test"))
                .isInstanceOf(RoundService.Refused.class).hasMessage("evaluation.start.exists");
    }
}
