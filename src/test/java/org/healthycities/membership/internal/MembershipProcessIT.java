package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import org.healthycities.support.DueJobs;
import java.util.Map;
import java.util.HashMap;
import java.time.ZonedDateTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.ThemeGroup;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of bpmn/membership-onboarding.bpmn on the real engine, with Camunda's assertions; timers are
 * moved with the engine's clock.
 */
@IntegrationTest
class MembershipProcessIT {

    static final String SUND_BY = "sund-by";

    @Autowired
    ApplicationsStory applicationsStory;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    Applications applications;
    @Autowired
    MemberService members;
    @Autowired
    NetworkDirectory networks;
    @Autowired
    TestMembers testMembers;

    String secretary;
    String boardMember;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        TestClock.set(LocalDate.of(2031, 5, 12).atTime(10, 0)); // a fixed day, whatever day the suite runs
        secretary = TestUsers.create(identity, "sekr", CurrentUser.SECRETARIAT, SUND_BY);
        boardMember = TestUsers.create(identity, "best", CurrentUser.BOARD, SUND_BY);
    }

    @AfterEach
    void tearDown() {
        TestClock.reset();
        identity.clearAuthentication();
        AbstractAssertions.reset();
    }

    /** Submits an application and runs the automatic checks. */
    private Started start(String code) {
        Application a = fixtures.apply(SUND_BY, code);
        ProcessInstance pi = fixtures.instance(a);
        assertThat(pi).isStarted().hasBusinessKey(String.valueOf(a.getId()));
        assertThat(pi.getTenantId()).isEqualTo(SUND_BY);
        fixtures.runJobs(pi.getId());
        return new Started(a, pi);
    }

    record Started(Application application, ProcessInstance instance) {
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group), List.of(SUND_BY));
    }

    private void review(ProcessInstance pi, Object... variables) {
        assertThat(pi).isWaitingAt("review");
        as(secretary, CurrentUser.SECRETARIAT);
        complete(task("review", pi), vars(variables));
        identity.clearAuthentication();
        fixtures.runJobs(pi.getId());
    }

    private void board(ProcessInstance pi, Object... variables) {
        assertThat(pi).isWaitingAt("board");
        as(boardMember, CurrentUser.BOARD);
        complete(task("board", pi), vars(variables));
        identity.clearAuthentication();
        fixtures.runJobs(pi.getId());
    }

    private static java.util.Map<String, Object> vars(Object... pairs) {
        java.util.Map<String, Object> map = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void approved_theMemberIsCreatedInvitedWelcomedAndAWelcomeMeetingIsDue() {
        String code = fixtures.newMunicipality(SUND_BY);
        ThemeGroup group = networks.themeGroups(SUND_BY).get(0);
        Map<String, Object> form = MembershipFixtures.form(code);
        form.put("themeGroupIds", List.of(String.valueOf(group.getId())));
        Application a = fixtures.apply(SUND_BY, form, MembershipFixtures.pdf("Tiltraedelsesdokument"));
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());

        assertThat(pi).hasPassed("sendReceipt", "check", "computeFee").isWaitingAt("review");
        Task review = task("review", pi);
        assertThat(review).hasCandidateGroup("secretariat");
        assertThat(review.getTenantId()).isEqualTo(SUND_BY);
        assertThat(review.getDueDate().toInstant()).isCloseTo(TestClock.now().plus(10, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        // Sund By's example bands: 43,000 inhabitants pay the 20,000 band; the secretariat changes it
        assertThat(fixtures.reload(a).getFee()).isEqualByComparingTo("20000");
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "fee")).isEqualTo(20000.0);

        review(pi, "reviewDecision", "approve", "fee", 18500, "reviewNote", "Fin ansøgning");
        assertThat(pi).isWaitingAt("board");
        assertThat(task("board", pi)).hasCandidateGroup("board");
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.WITH_BOARD);

        board(pi, "boardDecision", "approve", "boardDecisionDate", "2026-11-20", "boardNote", "Velkommen");
        assertThat(pi).hasPassed("endApproved", "createMember", "inviteCoordinator", "sendWelcome")
                .isWaitingAt("welcomeMeeting");
        Task meeting = task("welcomeMeeting", pi);
        assertThat(meeting).hasCandidateGroup("secretariat");
        assertThat(meeting.getDueDate().toInstant()).isCloseTo(TestClock.now().plus(14, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));

        Application after = fixtures.reload(a);
        assertThat(after.getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(after.getFeeSetBy()).isEqualTo(secretary);
        Member member = members.findByCode(SUND_BY, code).orElseThrow();
        assertThat(member.getId()).isEqualTo(after.getMemberId());
        assertThat(member.getStatus()).isEqualTo(MemberStatus.ACTIVE);
        assertThat(member.getJoinedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(member.getYearlyFee()).isEqualByComparingTo("18500");
        assertThat(member.getCoordinatorEmail()).isEqualTo("koordinator@" + code + ".example.org");
        assertThat(members.find(List.of(SUND_BY), member.getId()).orElseThrow().getThemeGroups())
                .extracting(ThemeGroup::getId).containsExactly(group.getId());
        assertThat(fixtures.mails(a)).contains(
                "membership/mail/receipt → ansoeger@" + code + ".example.org",
                "membership/mail/coordinator-invitation → koordinator@" + code + ".example.org",
                "membership/mail/welcome → ansoeger@" + code + ".example.org");
        assertThat(fixtures.historyKinds(a)).contains("REVIEW_APPROVE", "BOARD_APPROVE", "MEMBER_CREATED");
        // the member's page tells its application, and the history says the member came from it
        assertThat(applicationsStory.of(member).lines()).first().satisfies(line -> {
            assertThat(line.args()).containsExactly(after.getReference());
            assertThat(line.statusKey()).isEqualTo("membership.story.status.APPROVED");
        });
        assertThat(members.history(member.getId())).extracting(org.healthycities.network.MemberChange::getSource)
                .containsOnly(org.healthycities.network.MemberChange.Source.ONBOARDING);
        // texts live in the application, not in the process
        assertThat(engine.getRuntimeService().getVariables(pi.getId())).doesNotContainKeys("reviewNote", "boardNote");

        complete(meeting, withVariables("meetingDate", "2026-12-01", "meetingNote", "Aftalt temagrupper"));
        assertThat(pi).isEnded().hasPassed("endMember");
    }

    @Test
    void askForMore_theAnswerReturnsToReview() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "ask", "questions", "Hvem bliver jeres koordinator?");

        assertThat(s.instance()).hasPassed("sendQuestions").isWaitingAt("waitForApplicant");
        Application waiting = fixtures.reload(s.application());
        assertThat(waiting.getStatus()).isEqualTo(ApplicationStatus.WAITING_FOR_APPLICANT);
        assertThat(waiting.getQuestions()).isEqualTo("Hvem bliver jeres koordinator?");
        assertThat(fixtures.mails(s.application())).anyMatch(m -> m.startsWith("membership/mail/questions"));

        assertThat(applications.answer(s.application().getId(), "Karin fra sundhedsafdelingen")).isTrue();
        fixtures.runJobs(s.instance().getId());
        assertThat(s.instance()).isWaitingAt("review");
        assertThat(management.createJobQuery().processInstanceId(s.instance().getId()).timers().count()).isZero();
        assertThat(fixtures.historyKinds(s.application())).containsSubsequence("QUESTIONS_SENT", "SUPPLEMENT_ANSWERED",
                "REVIEW_STARTED");
        // no second answer while nothing is asked
        assertThat(applications.answer(s.application().getId(), "igen")).isFalse();
    }

    @Test
    void reminder_after7DaysWithoutAnswer_theApplicantIsRemindedAndStillAwaited() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "ask", "questions", "Send venligst budgettet.");
        Job reminder = management.createJobQuery().processInstanceId(s.instance().getId()).activityId("reminderTimer")
                .singleResult();
        assertThat(reminder.getDuedate().toInstant()).isCloseTo(TestClock.now().plus(7, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));

        TestClock.set(TestClock.now().plus(Duration.ofDays(6)));
        fixtures.runJobs(s.instance().getId());
        assertThat(fixtures.historyKinds(s.application())).doesNotContain("REMINDER_SENT");

        TestClock.set(TestClock.now().plus(Duration.ofDays(7).plusHours(1)));
        fixtures.runJobs(s.instance().getId());
        assertThat(s.instance()).hasPassed("sendReminder").isWaitingAt("waitForApplicant");
        assertThat(fixtures.historyKinds(s.application())).containsOnlyOnce("REMINDER_SENT");
        assertThat(fixtures.mails(s.application())).anyMatch(m -> m.startsWith("membership/mail/reminder"));
        assertThat(fixtures.reload(s.application()).getStatus()).isEqualTo(ApplicationStatus.WAITING_FOR_APPLICANT);
    }

    @ParameterizedTest
    @MethodSource("org.healthycities.support.CalendarMatrix#startDates")
    void reminderThenLapse_onEveryKindOfDate_eachAtItsOwnTime(LocalDate asked) {
        ZonedDateTime askedAt = asked.atTime(9, 30).atZone(TestClock.COPENHAGEN);
        TestClock.set(askedAt.toInstant());
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "ask", "questions", "Send venligst budgettet.");

        DueJobs.ofProcessInstance(management, s.instance().getId()).walkUntil(askedAt.plusDays(40).toInstant());

        Map<String, Instant> when = new HashMap<>();
        applications.history(fixtures.reload(s.application())).forEach(h -> when.putIfAbsent(h.kind, h.occurredAt));
        assertThat(s.instance()).isEnded().hasPassed("sendReminder", "lapse");
        // the engine adds a duration in the server's zone: over a change of time the hour may move by one
        assertThat(when.get("REMINDER_SENT").atZone(TestClock.COPENHAGEN).toLocalDate()).as("reminded a week after")
                .isEqualTo(asked.plusDays(7));
        assertThat(when.get("REMINDER_SENT")).isCloseTo(askedAt.plusDays(7).toInstant(), within(1, ChronoUnit.HOURS));
        assertThat(when.get("LAPSED").atZone(TestClock.COPENHAGEN).toLocalDate()).as("lapsed 30 days after")
                .isEqualTo(asked.plusDays(30));
        assertThat(when.get("LAPSED")).isCloseTo(askedAt.plusDays(30).toInstant(), within(1, ChronoUnit.HOURS));
        assertThat(when.get("REMINDER_SENT")).isBefore(when.get("LAPSED"));
    }

    @Test
    void lapse_after30DaysWithoutAnswer_bothSidesAreToldAndNothingIsLeftOpen() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "ask", "questions", "Send venligst budgettet.");

        TestClock.set(TestClock.now().plus(Duration.ofDays(30).plusHours(1)));
        fixtures.runJobs(s.instance().getId());

        assertThat(s.instance()).isEnded().hasPassed("sendReminder", "lapse", "endLapsed", "endClosed");
        Application lapsed = fixtures.reload(s.application());
        assertThat(lapsed.getStatus()).isEqualTo(ApplicationStatus.LAPSED);
        assertThat(lapsed.getDecidedAt()).isNotNull();
        assertThat(fixtures.mails(s.application())).anyMatch(m -> m.startsWith("membership/mail/lapsed → ansoeger@"))
                .anyMatch(m -> m.equals("membership/mail/lapsed-secretariat → " + secretary + "@example.org"));
        assertThat(tasks.createTaskQuery().processInstanceId(s.instance().getId()).count()).isZero();
        assertThat(applications.answer(s.application().getId(), "for sent")).isFalse();
    }

    @Test
    void rejectedAtReview_theApplicantGetsTheReason() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "reject", "reviewNote", "Beslutningen mangler.");

        assertThat(s.instance()).isEnded().hasPassed("reject", "endRejected").hasNotPassed("board");
        Application rejected = fixtures.reload(s.application());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getReviewNote()).isEqualTo("Beslutningen mangler.");
        assertThat(fixtures.mails(s.application())).anyMatch(m -> m.startsWith("membership/mail/rejected"));
        assertThat(fixtures.historyKinds(s.application())).contains("REVIEW_REJECT", "REJECTED");
    }

    @Test
    void rejectingWithoutAReason_isRefusedAndTheTaskStaysOpen() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        Task review = task("review", s.instance());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(review.getId(),
                java.util.Map.of("reviewDecision", "reject"))).hasMessageContaining("membership.reviewNote.required");
        assertThat(s.instance()).isWaitingAt("review");
        assertThat(fixtures.reload(s.application()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void rejectedByTheBoard_noMemberIsCreated() {
        String code = fixtures.newMunicipality(SUND_BY);
        Started s = start(code);
        review(s.instance(), "reviewDecision", "approve");
        board(s.instance(), "boardDecision", "reject", "boardDecisionDate", "2026-11-20", "boardNote", "Ikke i år.");

        assertThat(s.instance()).isEnded().hasPassed("reject", "endRejected", "endClosed").hasNotPassed("createMember");
        assertThat(fixtures.reload(s.application()).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(members.findByCode(SUND_BY, code)).isEmpty();
        assertThat(fixtures.historyKinds(s.application())).contains("BOARD_REJECT", "REJECTED");
    }

    @Test
    void withdrawn_atAnyPointBeforeTheDecision_endsCleanly() {
        Started atReview = start(fixtures.newMunicipality(SUND_BY));
        assertThat(applications.withdraw(atReview.application().getId())).isTrue();
        fixtures.runJobs(atReview.instance().getId());
        assertThat(atReview.instance()).isEnded().hasPassed("withdrawn", "confirmWithdrawal", "endWithdrawn");
        assertThat(fixtures.reload(atReview.application()).getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(fixtures.mails(atReview.application())).anyMatch(m -> m.startsWith("membership/mail/withdrawn"));
        assertThat(tasks.createTaskQuery().processInstanceId(atReview.instance().getId()).count()).isZero();

        Started waiting = start(fixtures.newMunicipality(SUND_BY));
        review(waiting.instance(), "reviewDecision", "ask", "questions", "Hvornår?");
        assertThat(applications.withdraw(waiting.application().getId())).isTrue();
        fixtures.runJobs(waiting.instance().getId());
        assertThat(waiting.instance()).isEnded().hasPassed("endWithdrawn");
        assertThat(management.createJobQuery().processInstanceId(waiting.instance().getId()).count()).isZero();

        Started atBoard = start(fixtures.newMunicipality(SUND_BY));
        review(atBoard.instance(), "reviewDecision", "approve");
        assertThat(applications.withdraw(atBoard.application().getId())).isTrue();
        fixtures.runJobs(atBoard.instance().getId());
        assertThat(atBoard.instance()).isEnded().hasNotPassed("createMember");
    }

    @Test
    void afterTheBoardApproved_itCanNoLongerBeWithdrawn() {
        Started s = start(fixtures.newMunicipality(SUND_BY));
        review(s.instance(), "reviewDecision", "approve");
        board(s.instance(), "boardDecision", "approve", "boardDecisionDate", "2026-11-20");
        assertThat(applications.withdraw(s.application().getId())).isFalse();
        assertThat(s.instance()).isWaitingAt("welcomeMeeting");
        assertThat(fixtures.reload(s.application()).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void duplicate_aSecondApplicationForTheSameCodeEndsWithAMessage() {
        String code = fixtures.newMunicipality(SUND_BY);
        Started first = start(code);
        Started second = start(code);

        assertThat(first.instance()).isWaitingAt("review");
        assertThat(second.instance()).isEnded().hasPassed("closeAsDuplicate", "endDuplicate").hasNotPassed("review");
        assertThat(fixtures.reload(second.application()).getStatus()).isEqualTo(ApplicationStatus.DUPLICATE);
        assertThat(fixtures.mails(second.application())).anyMatch(m -> m.startsWith("membership/mail/duplicate"));
    }

    @Test
    void alreadyAMember_endsWithAMessage() {
        String code = fixtures.newMunicipality(SUND_BY);
        testMembers.activeMember(SUND_BY, code);
        Started s = start(code);

        assertThat(s.instance()).isEnded().hasPassed("closeAsDuplicate").hasNotPassed("review");
        assertThat(fixtures.reload(s.application()).getStatus()).isEqualTo(ApplicationStatus.ALREADY_MEMBER);
    }

    @Test
    void unknownCode_theSecretariatIsAskedAndChecksAgainOnceTheCodeIsKnown() {
        String code = "u-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> form = MembershipFixtures.form(code);
        form.put("municipalityName", "Nyby Kommune");
        Application a = fixtures.apply(SUND_BY, form, MembershipFixtures.pdf("Beslutning"));
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());

        assertThat(pi).isWaitingAt("codeCheck");
        assertThat(task("codeCheck", pi)).hasCandidateGroup("secretariat");
        assertThat(fixtures.reload(a).getMunicipalityName()).isEqualTo("Nyby Kommune");

        fixtures.addPossibleMember(SUND_BY, code, "Nyby Kommune");
        complete(task("codeCheck", pi), withVariables("codeDecision", "recheck"));
        fixtures.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("review");
    }

    @Test
    void unknownCode_theSecretariatMayReject() {
        Map<String, Object> form = MembershipFixtures.form("u-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        form.put("municipalityName", "Ukendt By");
        Application a = fixtures.apply(SUND_BY, form, MembershipFixtures.pdf("Beslutning"));
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());
        complete(task("codeCheck", pi), withVariables("codeDecision", "reject", "codeNote", "Ikke en kommune."));
        fixtures.runJobs(pi.getId());
        assertThat(pi).isEnded().hasPassed("endRejected");
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.REJECTED);
    }

    @Test
    void unreadableAttachment_theApplicantIsAskedForANewOneAndTheChecksRunAgain() {
        String code = fixtures.newMunicipality(SUND_BY);
        Application a = fixtures.apply(SUND_BY, MembershipFixtures.form(code), MembershipFixtures.brokenPdf());
        assertThat(a.getDecisionDocumentId()).isNull();
        assertThat(a.getDocumentProblem()).isNotNull();
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());

        assertThat(pi).hasPassed("askForDocument").isWaitingAt("waitForApplicant");
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.WAITING_FOR_APPLICANT);
        assertThat(fixtures.mails(a)).anyMatch(m -> m.startsWith("membership/mail/document-request"));
        // answering questions is not what is awaited; a second broken file changes nothing
        assertThat(applications.answer(a.getId(), "svar")).isFalse();
        assertThat(applications.replaceDocument(a.getId(), fixtures.upload("igen.pdf",
                MembershipFixtures.brokenPdf()))).isPresent();
        assertThat(pi).isWaitingAt("waitForApplicant");

        assertThat(applications.replaceDocument(a.getId(), fixtures.upload("beslutning.pdf",
                MembershipFixtures.pdf("Underskrevet")))).isEmpty();
        fixtures.runJobs(pi.getId());
        assertThat(pi).isWaitingAt("review");
        Application after = fixtures.reload(a);
        assertThat(after.getDecisionDocumentId()).isNotNull();
        assertThat(after.getDocumentProblem()).isNull();
    }

    @Test
    void sunneKommuner_feeIsTwoKroner2PerInhabitantWithinFloorAndCap() {
        String code = fixtures.newMunicipality("sunne-kommuner");
        Map<String, Object> form = MembershipFixtures.form(code);
        form.put("population", 20_000);
        Application a = fixtures.apply("sunne-kommuner", form, MembershipFixtures.pdf("Vedtak"));
        fixtures.runJobs(fixtures.instance(a).getId());
        assertThat(fixtures.instance(a)).isWaitingAt("review");
        assertThat(fixtures.reload(a).getFee()).isEqualByComparingTo(new BigDecimal("40400"));
        assertThat(fixtures.reload(a).getFeeCurrency()).isEqualTo("NOK");
        assertThat(fixtures.reload(a).getAccessionSignedByMayor()).isNull();
    }
}
