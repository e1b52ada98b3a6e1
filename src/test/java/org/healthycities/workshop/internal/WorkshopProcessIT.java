package org.healthycities.workshop.internal;

import org.healthycities.support.DueJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.healthycities.forms.SaveResult;
import org.healthycities.support.IntegrationTest;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.ParticipantService.Access;
import org.healthycities.workshop.internal.ParticipantService.CodeCheck;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process workshop-group-work on the real engine: it ends at the deadline (timer, engine clock moved)
 * or when the secretariat closes early (message), collects unsubmitted sheets as drafts, waits for the
 * secretariat's consolidation, then sends the summary and ends.
 */
@IntegrationTest
class WorkshopProcessIT {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    WorkshopService workshops;
    @Autowired
    ParticipantService participants;
    @Autowired
    ConsolidationService consolidation;
    @Autowired
    SheetStore sheets;
    @Autowired
    SessionRepository sessions;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        TestClock.set(LocalDate.of(2030, 5, 13).atTime(10, 0)); // a fixed day (in Sund By's 2021-2030 strategy), whatever day the suite runs
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private ProcessInstance instance(Long sessionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(WorkshopProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(sessionId)).singleResult();
    }

    private Access join(Opened opened, int groupIndex, String email) {
        var check = participants.check("10.9.9." + groupIndex, opened.code());
        assertThat(check).isInstanceOf(CodeCheck.Open.class);
        JoinForm form = new JoinForm(opened.code(), opened.view().groups().get(groupIndex).getId(), null, "Deltager", email);
        String token = participants.join(opened.view(), form, TestSessions.errors(form)).orElseThrow();
        return participants.access(token).orElseThrow();
    }

    /** Runs the process's due jobs (timers due by the moved engine clock included) until the condition holds. */
    private void runJobsUntil(String processInstanceId, BooleanSupplier condition) {
        DueJobs.ofProcessInstance(management, processInstanceId).runUntil(condition);
    }

    /** How many instances of the activity are active now, from the engine's activity instance tree. */
    private int active(ProcessInstance pi, String activityId) {
        var tree = runtime.getActivityInstance(pi.getId());
        return tree == null ? 0 : tree.getActivityInstances(activityId).length;
    }

    private boolean waitingForConsolidation(ProcessInstance pi) {
        return !engine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(WorkshopProcess.CONSOLIDATE_TASK).list().isEmpty();
    }

    @Test
    void theDeadlineEndsTheGroupWorkAndUnsubmittedSheetsAreCollectedAsDrafts() {
        Opened opened = TestSessions.opened(workshops, "3", TestSessions.now().plusHours(2));
        ProcessInstance pi = instance(opened.id());
        assertThat(pi).isStarted().isWaitingAt("groupSheet");
        assertThat(pi).hasBusinessKey(String.valueOf(opened.id()));
        assertThat(pi.getTenantId()).isEqualTo("sund-by");
        assertThat(active(pi, "groupSheet")).as("one branch per group").isEqualTo(3);

        Question text = opened.view().questions().get(0);
        Access first = join(opened, 0, null);
        Access second = join(opened, 1, null);
        assertThat(participants.save(first, text.getId(), 0, "Gruppe 1 afleverer", null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(participants.save(second, text.getId(), 0, "Gruppe 2 skrev kun en kladde", null)).isInstanceOf(SaveResult.Saved.class);
        assertThat(participants.submit(first)).isTrue();
        runJobsUntil(pi.getId(), () -> active(pi, "groupSheet") == 2);
        assertThat(pi).isWaitingAt("groupSheet");

        // the engine clock passes the deadline: the timer fires, the sheets are collected
        TestClock.set(opened.view().session().getDeadline().plusSeconds(60));
        assertThat(participants.save(second, text.getId(), 1, "for sent", null)).isInstanceOf(SaveResult.Closed.class);
        runJobsUntil(pi.getId(), () -> waitingForConsolidation(pi));
        assertThat(pi).isWaitingAt("consolidate").task().hasCandidateGroup("secretariat");
        assertThat(pi).hasPassed("deadlineReached", "collectSheets").hasNotPassed("closedEarly");

        WorkshopSession session = sessions.findById(opened.id()).orElseThrow();
        assertThat(session.getStatus()).isEqualTo(WorkshopSession.Status.CLOSED);
        assertThat(session.isClosedEarly()).isFalse();
        Map<Long, SheetStore.SheetView> all = sheets.sheets(opened.id());
        assertThat(all.get(first.participant().getGroupId()).sheet().getStatus()).isEqualTo(Sheet.Status.SUBMITTED);
        assertThat(all.get(second.participant().getGroupId()).sheet().getStatus()).isEqualTo(Sheet.Status.DRAFT);
        assertThat(all.get(second.participant().getGroupId()).value(text.getId()))
                .as("the draft is kept as it stood").isEqualTo("Gruppe 2 skrev kun en kladde");
        assertThat(participants.check("10.9.9.9", opened.code())).as("the code stops working")
                .isInstanceOf(CodeCheck.Closed.class);
    }

    @ParameterizedTest
    @MethodSource("org.healthycities.support.CalendarMatrix#startDates")
    void theDeadlineFiresAtTheTimeTypedInTheNetworksZone_onEveryKindOfDate(LocalDate day) {
        TestClock.set(day.atTime(9, 30));
        LocalDateTime deadline = day.plusDays(1).atTime(16, 0);
        Opened opened = TestSessions.opened(workshops, "2", deadline);
        ProcessInstance pi = instance(opened.id());
        Access first = join(opened, 0, null);
        Question text = opened.view().questions().get(0);
        assertThat(participants.save(first, text.getId(), 0, "Skrevet om morgenen", null)).isInstanceOf(SaveResult.Saved.class);

        DueJobs.ofProcessInstance(management, pi.getId()).walkUntil(deadline.minusMinutes(1).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(pi).isWaitingAt("groupSheet");
        assertThat(participants.save(first, text.getId(), 1, "Et minut før fristen", null)).isInstanceOf(SaveResult.Saved.class);

        DueJobs.ofProcessInstance(management, pi.getId()).walkUntil(day.plusDays(3).atTime(12, 0).atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(pi).isWaitingAt("consolidate").hasPassed("deadlineReached");
        WorkshopSession session = sessions.findById(opened.id()).orElseThrow();
        assertThat(session.getClosedAt()).as("closed at 16:00 in Copenhagen, whatever the server's zone")
                .isEqualTo(deadline.atZone(TestClock.COPENHAGEN).toInstant());
        assertThat(session.isClosedEarly()).isFalse();
    }

    @Test
    void theSecretariatClosesEarlyAndTheProcessCollectsTheSheets() {
        Opened opened = TestSessions.opened(workshops, "Lighed\nFællesskab", TestSessions.now().plusHours(2));
        ProcessInstance pi = instance(opened.id());
        Access member = join(opened, 0, null);
        participants.save(member, opened.view().questions().get(1).getId(), 0, "Delvis", null);

        assertThat(workshops.closeEarly(TestSessions.SUND_BY, opened.id())).isTrue();
        assertThat(participants.save(member, opened.view().questions().get(0).getId(), 0, "for sent", null))
                .isInstanceOf(SaveResult.Closed.class);
        runJobsUntil(pi.getId(), () -> waitingForConsolidation(pi));
        assertThat(pi).hasPassed("closedEarly", "collectSheets").hasNotPassed("deadlineReached")
                .isWaitingAt("consolidate");
        assertThat(sessions.findById(opened.id()).orElseThrow().isClosedEarly()).isTrue();
        assertThat(sheets.sheets(opened.id()).values()).allSatisfy(
                s -> assertThat(s.sheet().getStatus()).isEqualTo(Sheet.Status.DRAFT));
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("the deadline timer is gone").isZero();
    }

    @Test
    void whenEveryGroupHandedInTheSessionStillRunsToTheDeadlineOrAnEarlyClose() {
        Opened opened = TestSessions.opened(workshops, "2", TestSessions.now().plusHours(2));
        ProcessInstance pi = instance(opened.id());
        Access a = join(opened, 0, null);
        Access b = join(opened, 1, null);
        participants.submit(a);
        participants.submit(b);
        runJobsUntil(pi.getId(), () -> active(pi, "waitForEnd") == 1);
        assertThat(pi).isWaitingAt("waitForEnd");
        // a group may still revise after handing in
        assertThat(participants.save(a, opened.view().questions().get(0).getId(), 0, "Rettet efter aflevering", null))
                .isInstanceOf(SaveResult.Saved.class);

        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
        runJobsUntil(pi.getId(), () -> waitingForConsolidation(pi));
        assertThat(pi).hasPassed("closedEarlyAfterAll").isWaitingAt("consolidate");
        assertThat(sheets.sheets(opened.id()).values()).allSatisfy(
                s -> assertThat(s.sheet().getStatus()).isEqualTo(Sheet.Status.SUBMITTED));
    }

    @Test
    void consolidationSavesSynthesesAndTagsThenTheSummaryIsSentAndTheProcessEnds() throws Exception {
        Opened opened = TestSessions.opened(workshops, "2", TestSessions.now().plusHours(2));
        ProcessInstance pi = instance(opened.id());
        Question text = opened.view().questions().get(0);
        String email = "deltager-" + java.util.UUID.randomUUID() + "@example.org";
        Access a = join(opened, 0, email);
        participants.save(a, text.getId(), 0, "Mere lighed i sundhed", null);
        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
        runJobsUntil(pi.getId(), () -> waitingForConsolidation(pi));

        Locale da = Locale.forLanguageTag("da");
        var board = consolidation.board(TestSessions.SUND_BY, opened.id(), da).orElseThrow();
        Long answerId = board.sheet(a.participant().getGroupId()).answers().get(text.getId()).getId();
        String goal = board.goals().get(1).value();
        assertThat(consolidation.complete(Set.of("hc-sverige"), opened.id(), Map.of(), Map.of(), "x", da))
                .as("another network's secretariat cannot reach it").isEmpty();
        assertThat(consolidation.complete(TestSessions.SUND_BY, opened.id(),
                Map.of(text.getId(), "Grupperne vil have mere fokus på lighed."),
                Map.of(answerId, Set.of(goal, "SDG:SDG10", "SDG:NOPE")), "sekretær", da)).contains(true);

        runJobsUntil(pi.getId(), () -> instance(opened.id()) == null);
        assertThat(pi).isEnded().hasPassed("consolidate", "sendSummary", "done");
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("consolidate").singleResult().getAssignee()).isEqualTo("sekretær");
        WorkshopSession session = sessions.findById(opened.id()).orElseThrow();
        assertThat(session.getStatus()).isEqualTo(WorkshopSession.Status.CONSOLIDATED);
        assertThat(session.getSummarySentAt()).isNotNull();
        var mail = org.healthycities.support.MailServer.awaitMails(email, 1).get(0);
        assertThat(mail.getSubject()).contains(opened.view().workshop().getTitle());
        assertThat(org.healthycities.support.MailServer.html(mail))
                .contains("Grupperne vil have mere fokus på lighed.", "Mere lighed i sundhed");
        var after = consolidation.board(TestSessions.SUND_BY, opened.id(), da).orElseThrow();
        assertThat(after.synthesis(text.getId())).isEqualTo("Grupperne vil have mere fokus på lighed.");
        assertThat(after.tagsOf(answerId)).as("unknown tags are dropped").containsExactlyInAnyOrder(goal, "SDG:SDG10");
    }

    @Test
    void theTemplateFrom2017CopiesThreeAssignmentsWithTheirQuestions() {
        SessionView draft = TestSessions.draft(workshops, "4", TestSessions.now().plusHours(1));
        SessionView template = workshops.copySources(TestSessions.SUND_BY, draft.session().getId()).stream()
                .filter(v -> v.workshop().isTemplate()).findFirst().orElseThrow();
        assertThat(template.workshop().getTitle()).contains("2017");
        assertThat(workshops.copyAssignments(TestSessions.SUND_BY, template.session().getId(),
                draft.session().getId())).contains(3);
        SessionView copied = workshops.session(TestSessions.SUND_BY, draft.session().getId()).orElseThrow();
        assertThat(copied.assignments()).hasSize(3);
        assertThat(copied.assignments().get(0).questions()).extracting(Question::getLabel).anyMatch(l -> l.contains("Mangler der noget"));
        assertThat(copied.assignments().get(1).questions()).extracting(Question::getLabel)
                .anyMatch(l -> l.contains("niveau 2")).anyMatch(l -> l.contains("niveau 3"));
        assertThat(copied.assignments().get(2).questions()).hasSize(3);
        assertThat(copied.groups()).extracting(WorkshopGroup::getName).containsExactly("Gruppe 1", "Gruppe 2", "Gruppe 3", "Gruppe 4");
        assertThat(workshops.copyAssignments(Set.of("hc-sverige"), template.session().getId(), draft.session().getId()))
                .as("another network sees neither").isEmpty();
    }
}
