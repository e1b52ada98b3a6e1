package org.healthycities.evaluation.internal;

import org.healthycities.evaluation.Progress;
import org.healthycities.support.DueJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.answers;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.runJobsUntil;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.setClock;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    @Autowired HistoryService history;

    String network;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        network = testNetworks.create("evp", 10, "evaluation-calendar.bpmn", "annual-evaluation.bpmn", "member-evaluation.bpmn");
        // four weeks to answer and one of grace; rounds by hand unless a test switches the calendar on
        rounds.saveSettings(network, false, 6, 3, 28, 7);
    }

    private List<MemberEvaluation> members(long roundId) {
        return evaluationRepository.findByRoundIdOrderByMemberName(roundId);
    }

    private EvaluationRound startWith(int memberCount, int year) {
        for (int i = 1; i <= memberCount; i++) {
            testMembers.activeMember(network, TestNetworks.code(i));
        }
        setClock(LocalDate.of(year + 1, 3, 10).atTime(9, 30)); // a fixed day, whatever day the suite runs
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

    private SaveResult<Submission> submit(MemberEvaluation e, Progress... progress) throws Exception {
        return EvaluationTestSupport.save(evaluations, e.getId(), answers(0, testNetworks.goalIds(network), progress), true);
    }

    @Test
    void theCalendarOpensLastYearsRoundOnceOnTheNetworksDateThroughAWholeYear() {
        testMembers.activeMember(network, TestNetworks.code(1));
        testMembers.activeMember(network, TestNetworks.code(2));
        setClock(LocalDateTime.of(2034, 1, 1, 0, 30));
        rounds.saveSettings(network, true, 6, 3, 30, 7); // switching automatic rounds on starts the calendar
        assertThat(calendarTimer().getDuedate()).as("5 o'clock on the network's date")
                .isEqualTo(at(LocalDate.of(2034, 6, 3), 5));

        for (LocalDate day = LocalDate.of(2034, 1, 1); day.getYear() == 2034; day = day.plusDays(1)) {
            setClock(day.atTime(6, 0));
            DueJobs.ofTenant(management, network).runAll();
            long started = history.createHistoricProcessInstanceQuery().processDefinitionKey("annual-evaluation")
                    .tenantIdIn(network).count();
            assertThat(started).as("rounds started by %s", day).isEqualTo(day.isBefore(LocalDate.of(2034, 6, 3)) ? 0 : 1);
        }
        EvaluationRound round = roundRepository.findByNetworkIdAndYear(network, 2033).orElseThrow();
        assertThat(round.getStartDate()).isEqualTo(LocalDate.of(2034, 6, 3));
        assertThat(round.getDeadline()).isEqualTo(LocalDate.of(2034, 7, 3));
        assertThat(round.getStartedBy()).isEqualTo("timer");
        assertThat(round.getMemberCount()).isEqualTo(2);
        assertThat(roundRepository.findById(round.getId()).orElseThrow().isClosed()).as("closed after deadline and grace").isTrue();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("evaluation-calendar")
                .tenantIdIn(network).count()).as("one calendar, waiting all year").isEqualTo(1);
        assertThat(calendarTimer().getDuedate()).as("next year's date").isEqualTo(at(LocalDate.of(2035, 6, 3), 5));
    }

    @Test
    void changingTheDateMovesTheCalendarAndSwitchingOffEndsIt() {
        setClock(LocalDateTime.of(2034, 3, 1, 12, 0));
        rounds.saveSettings(network, true, 6, 3, 30, 7);
        assertThat(calendarTimer().getDuedate()).isEqualTo(at(LocalDate.of(2034, 6, 3), 5));
        rounds.saveSettings(network, true, 9, 1, 30, 7);
        assertThat(calendarTimer().getDuedate()).as("moved to the new date").isEqualTo(at(LocalDate.of(2034, 9, 1), 5));
        rounds.saveSettings(network, true, 1, 15, 30, 7);
        assertThat(calendarTimer().getDuedate()).as("a date long past this year: next year's")
                .isEqualTo(at(LocalDate.of(2035, 1, 15), 5));

        rounds.saveSettings(network, false, 9, 1, 30, 7);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("evaluation-calendar").tenantIdIn(network).count())
                .as("rounds by hand only: no calendar").isZero();
        rounds.saveSettings(network, true, 9, 1, 30, 7);
        assertThat(calendarTimer().getDuedate()).as("switched on again").isEqualTo(at(LocalDate.of(2034, 9, 1), 5));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("evaluation-calendar").tenantIdIn(network).count())
                .isEqualTo(1);
    }

    @Test
    void aDatePassedDaysAgoOpensTheRoundAtOnceAndOnlyOnce() {
        testMembers.activeMember(network, TestNetworks.code(1));
        setClock(LocalDateTime.of(2034, 6, 10, 12, 0));
        rounds.saveSettings(network, true, 6, 3, 30, 7);
        DueJobs.ofTenant(management, network).runUntil(() -> roundRepository.findByNetworkIdAndYear(network, 2033).isPresent());
        assertThat(roundRepository.findByNetworkIdAndYear(network, 2033).orElseThrow().getStartDate()).isEqualTo(LocalDate.of(2034, 6, 10));
        assertThat(calendarTimer().getDuedate()).isEqualTo(at(LocalDate.of(2035, 6, 3), 5));
    }

    private Job calendarTimer() {
        return management.createJobQuery().tenantIdIn(network).timers().activityId("Timer_StartDate").singleResult();
    }

    private static java.util.Date at(LocalDate day, int hour) {
        return java.util.Date.from(day.atTime(hour, 0).atZone(TestClock.COPENHAGEN).toInstant());
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

        setClock(round.getDeadline().minusDays(7).atTime(8, 1));
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
        assertThat(deadlineTimer.getDuedate()).isEqualTo(at(extended.plusDays(1), 0));
        assertThat(evaluations.evaluation(e.getId()).getDeadline()).isEqualTo(extended);

        setClock(extended.atTime(12, 0));
        assertThat(submit(e, Progress.STARTED)).isInstanceOf(SaveResult.Submitted.class);
        assertThat(pi).isWaitingAt("Task_Review");
    }

    @ParameterizedTest(name = "{0} days to answer: {1} reminder(s)")
    @CsvSource({"5, 0", "8, 1", "14, 1", "21, 1", "22, 2", "28, 2"})
    void shortWindowsSkipTheRemindersThatWouldNotFitBeforeTheDeadline(int answerDays, int reminders) {
        rounds.saveSettings(network, false, 6, 3, answerDays, 7);
        testMembers.activeMember(network, TestNetworks.code(1));
        setClock(LocalDateTime.of(2032, 3, 10, 9, 30));
        EvaluationRound round = rounds.startByHand(network, 2031, "test");
        DueJobs.ofTenant(management, network).walkUntil(round.getClosesOn().plusDays(2).atStartOfDay(TestClock.COPENHAGEN).toInstant());

        MemberEvaluation e = members(round.getId()).get(0);
        List<java.time.Instant> sent = events.of(e.getId()).stream().filter(ev -> ev.kind().equals(EvaluationEvents.REMINDED))
                .map(EvaluationEvents.Event::occurredAt).toList();
        assertThat(sent).as("reminders with %s days to answer", answerDays).hasSize(reminders);
        assertThat(sent).as("each on its own day, before the deadline").doesNotHaveDuplicates()
                .allSatisfy(at -> assertThat(at.atZone(TestClock.COPENHAGEN).toLocalDate()).isBefore(round.getDeadline()));
        assertThat(history.createHistoricTaskInstanceQuery().tenantIdIn(network).taskDefinitionKey("Task_FollowUp")
                .singleResult().getStartTime()).as("the follow-up still comes after the deadline")
                .isEqualTo(at(round.getDeadline().plusDays(1), 0));
        assertThat(roundRepository.findById(round.getId()).orElseThrow().isClosed()).isTrue();
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
                .isEqualTo(at(extended.minusDays(7), 8));
    }

    @Test
    void aSentBackFormReopensWithTheCommentAndAcceptingEndsTheRound() throws Exception {
        EvaluationRound round = startWith(1, 2033);
        MemberEvaluation e = members(round.getId()).get(0);
        ProcessInstance pi = memberProcess(e);
        assertThat(submit(e, Progress.WELL_UNDER_WAY)).isInstanceOf(SaveResult.Submitted.class);
        assertThat(pi).isWaitingAt("Task_Review");
        assertThat(evaluations.review(e.getId(), false, "Beskriv aktiviteten nærmere.", "sek")).isTrue();
        runJobsUntil(management, network, () -> events.count(e.getId(), EvaluationEvents.SENT_BACK_MAIL) == 1);
        assertThat(pi).isWaitingAt("Timer_AfterInvitation");
        MemberEvaluation sentBack = evaluations.evaluation(e.getId());
        assertThat(sentBack.getStatus()).isEqualTo(EvaluationStatus.SENT_BACK);
        assertThat(sentBack.getReviewComment()).isEqualTo("Beskriv aktiviteten nærmere.");
        assertThat(sentBack.getStatus().editable()).isTrue();

        assertThat(submit(e, Progress.ACHIEVED)).isInstanceOf(SaveResult.Submitted.class);
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
        assertThat(submit(answered, Progress.STARTED)).isInstanceOf(SaveResult.Submitted.class);
        assertThat(evaluations.review(answered.getId(), true, null, "sek")).isTrue();
        var draft = answers(0, testNetworks.goalIds(network), Progress.NOT_STARTED);
        assertThat(EvaluationTestSupport.save(evaluations, drafted.getId(), draft, false))
                .isInstanceOf(SaveResult.Saved.class);

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
        assertThat(evaluations.answers(missingDraft).inequalityText()).as("the draft is kept").isNotBlank();

        assertThat(submit(drafted, Progress.STARTED)).isInstanceOf(SaveResult.Late.class);
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
