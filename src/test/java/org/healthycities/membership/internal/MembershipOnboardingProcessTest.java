package org.healthycities.membership.internal;

import static java.time.temporal.ChronoUnit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.runDueJobs;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.healthycities.support.InMemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.invocation.InvocationOnMock;
import org.mockito.listeners.MethodInvocationReport;

/**
 * bpmn/membership-onboarding.bpmn on the in-memory engine, with the steps bean {@code membershipSteps} mocked
 * (its {@code check} result is what the "Resultat?" gateway branches on, its {@code boardDecided} result the
 * "Godkendt?" gateway). Business key: the application's id, which every step gets as its first argument.
 * The paths:
 * <ol>
 *   <li>check OK, review approves, board approves: member created, coordinator invited, welcome mail, welcome
 *       meeting (endMember)</li>
 *   <li>check OK, review approves, board rejects: rejected (endRejected, endClosed)</li>
 *   <li>check OK, review rejects: rejected</li>
 *   <li>check OK, review asks: questions sent, the applicant answers, checked again (loop "svaret")</li>
 *   <li>check ALREADY_MEMBER: closed as a duplicate (endDuplicate, endClosed)</li>
 *   <li>check DUPLICATE: closed as a duplicate</li>
 *   <li>check UNKNOWN_CODE, the secretariat has the code checked again (loop "tjek igen")</li>
 *   <li>check UNKNOWN_CODE, the secretariat rejects: rejected</li>
 *   <li>check UNREADABLE_ATTACHMENT: a new document asked for, the applicant sends it, checked again</li>
 *   <li>waiting for the applicant 7 days: a reminder (non-interrupting; still waiting)</li>
 *   <li>waiting for the applicant 30 days: the application lapses (endLapsed, endClosed)</li>
 *   <li>withdrawn while under consideration (review, code check, waiting for the applicant): confirmed
 *       (endWithdrawn)</li>
 * </ol>
 * Besides: once the board has approved, nothing can be withdrawn (the message boundary is gone); a process started
 * without a business key (Tasklist's start form, REST) gets its application's id from {@code register}; the
 * steps get the forms' values and the tasks' due dates; the texts of the task forms and the start form's fields
 * do not stay in the process.
 */
@Deployment(resources = {"bpmn/membership-onboarding.bpmn", "forms/membership-application.form",
        "forms/membership-code-check.form", "forms/membership-review.form", "forms/membership-board-decision.form",
        "forms/membership-welcome-meeting.form"})
class MembershipOnboardingProcessTest {

    static final String APPLICATION = "42";
    static final Instant APPLIED = Instant.parse("2031-05-12T08:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    static final Long ID = 42L;
    /** No business key, no tenant id: what the expression language passes to a String for them. */
    static final String NONE = "";

    MembershipSteps membershipSteps;
    /** The steps in the order they ran, each with the application id it ran for. */
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void mockTheSteps() {
        membershipSteps = mock(MembershipSteps.class, withSettings().invocationListeners(this::record));
        // as Onboarding.register does for an application made on /apply: its id is the business key already
        when(membershipSteps.register(eq(APPLICATION), any(), any(), any())).thenReturn(APPLICATION);
        // as OnboardingTasks.boardDecided does: the board's decision is the outcome the last gateway asks for
        when(membershipSteps.boardDecided(eq(ID), eq("approve"), any(), any())).thenReturn("APPROVED");
        when(membershipSteps.boardDecided(eq(ID), eq("reject"), any(), any())).thenReturn("REJECTED");
        when(membershipSteps.computeFee(anyLong())).thenReturn(null); // no fee rule (a mock's Double would be 0.0)
        when(membershipSteps.taskTextVariables()).thenReturn(MembershipFormRules.TEXT_VARIABLES);
        when(membershipSteps.startFormVariables()).thenReturn(List.of("municipalityCode", "population", "consent", "decisionDocumentId"));
        Mocks.register("membershipSteps", membershipSteps);
        clockAt(APPLIED);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void checkOk_reviewApproves_boardApproves_memberIsCreatedAndWelcomed() {
        checkSays("OK");
        ProcessInstance pi = apply();
        assertThat(pi).isWaitingAt("sendReceipt");

        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        assertThat(task()).hasCandidateGroup("secretariat").hasDueDate(Date.from(APPLIED.plus(10, DAYS)));

        complete(task(), withVariables("reviewDecision", "approve"));
        assertThat(pi).isWaitingAt("board");
        assertThat(task()).hasCandidateGroup("board").hasDueDate(Date.from(APPLIED.plus(30, DAYS)));

        complete(task(), withVariables("boardDecision", "approve"));
        assertThat(pi).hasPassed("endApproved").isWaitingAt("createMember");

        runDueJobs();
        assertThat(pi).isWaitingAt("welcomeMeeting");
        assertThat(task()).hasCandidateGroup("secretariat").hasDueDate(Date.from(APPLIED.plus(14, DAYS)));

        complete(task());
        assertThat(pi).hasPassedInOrder("applied", "register", "sendReceipt", "check", "computeFee", "review",
                "board", "endApproved", "createMember", "inviteCoordinator", "sendWelcome", "welcomeMeeting",
                "endMember").isEnded();
        assertThat(steps).containsExactly("register(42)", "sendReceipt(42)", "check(42)", "computeFee(42)",
                "reviewStarted(42)", "reviewed(42)", "boardStarted(42)", "boardDecided(42)",
                "createMember(42)", "inviteCoordinator(42)", "sendWelcome(42)",
                "welcomeMeetingPlanned(42)", "welcomeMeetingHeld(42)");
        verify(membershipSteps).register(eq(APPLICATION), eq(pi.getId()), eq(NONE), any());
        verify(membershipSteps).reviewStarted(ID, Date.from(APPLIED.plus(10, DAYS)));
        verify(membershipSteps).reviewed(ID, "approve", null, null, null);
        verify(membershipSteps).boardStarted(ID, Date.from(APPLIED.plus(30, DAYS)));
        verify(membershipSteps).boardDecided(ID, "approve", null, null);
        verify(membershipSteps).welcomeMeetingPlanned(ID, Date.from(APPLIED.plus(14, DAYS)));
        verify(membershipSteps).welcomeMeetingHeld(ID, null);
        verify(membershipSteps, never()).reject(anyLong(), any());
    }

    @Test
    void theStepsGetTheFormsValues_andTheProcessKeepsTheDecisionsOnly() {
        checkSays("OK");
        when(membershipSteps.computeFee(ID)).thenReturn(1500.0);
        when(membershipSteps.createMember(ID)).thenReturn(7L);
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review").variables().containsEntry("fee", 1500.0);

        complete(task(), withVariables("reviewDecision", "approve", "reviewNote", "Alt i orden", "fee", "1750,50"));
        verify(membershipSteps).reviewed(ID, "approve", "Alt i orden", null, "1750,50");
        assertThat(pi).variables().containsEntry("reviewDecision", "approve").doesNotContainKey("reviewNote");

        complete(task(), withVariables("boardDecision", "approve", "boardNote", "Velkommen",
                "boardDecisionDate", "2031-06-01"));
        verify(membershipSteps).boardDecided(ID, "approve", "Velkommen", "2031-06-01");
        assertThat(pi).variables().containsEntry("outcome", "APPROVED").doesNotContainKeys("boardNote",
                "boardDecisionDate");

        runDueJobs();
        assertThat(pi).isWaitingAt("welcomeMeeting").variables().containsEntry("memberId", 7L);
        complete(task(), withVariables("meetingNote", "Godt møde", "meetingDate", "2031-06-10"));
        verify(membershipSteps).welcomeMeetingHeld(ID, "Godt møde");
        assertThat(pi).isEnded();
    }

    /** As Tasklist's start form or the REST API start it: no business key, the form's fields as variables. */
    @Test
    void startedWithoutAnApplication_registerMakesOne_andItsIdBecomesTheBusinessKey() {
        when(membershipSteps.register(eq(NONE), any(), any(), any())).thenReturn("43");
        when(membershipSteps.check(43L)).thenReturn("OK");
        ProcessInstance pi = runtimeService().createProcessInstanceByKey("membership-onboarding")
                .setVariables(Map.of("municipalityCode", "0185", "population", 43000, "consent", true)).execute();

        verify(membershipSteps).register(eq(NONE), eq(pi.getId()), eq(NONE), argThat(variables ->
                new java.util.HashMap<>(variables).equals(Map.of("municipalityCode", "0185", "population", 43000,
                        "consent", true))));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("43").count()).isOne();
        assertThat(pi).variables().doesNotContainKeys("municipalityCode", "population", "consent");

        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        assertThat(steps).containsExactly("register()", "sendReceipt(43)", "check(43)", "computeFee(43)",
                "reviewStarted(43)");
    }

    @Test
    void checkOk_reviewApproves_boardRejects_applicantIsRejected() {
        checkSays("OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        complete(task(), withVariables("reviewDecision", "approve"));
        assertThat(pi).isWaitingAt("board");

        complete(task(), withVariables("boardDecision", "reject"));
        assertThat(pi).isWaitingAt("reject");

        runDueJobs();
        assertThat(pi).hasPassedInOrder("board", "reject", "endRejected", "endClosed").hasNotPassed("endApproved")
                .isEnded();
        verify(membershipSteps).boardDecided(ID, "reject", null, null);
        verify(membershipSteps).reject(ID, "reject");
        verify(membershipSteps, never()).createMember(anyLong());
        assertThat(steps).contains("reject(42)");
    }

    @Test
    void checkOk_reviewRejects_applicantIsRejected() {
        checkSays("OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");

        complete(task(), withVariables("reviewDecision", "reject"));
        runDueJobs();

        assertThat(pi).hasPassedInOrder("review", "reject", "endRejected", "endClosed").hasNotPassed("board")
                .isEnded();
        assertThat(steps).endsWith("reviewed(42)", "reject(42)");
        verify(membershipSteps).reviewed(ID, "reject", null, null, null);
        verify(membershipSteps).reject(ID, null);
    }

    @Test
    void checkOk_reviewAsks_applicantAnswers_isCheckedAgain() {
        checkSays("OK", "OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");

        complete(task(), withVariables("reviewDecision", "ask", "questions", "Hvem er koordinator?"));
        verify(membershipSteps).reviewed(ID, "ask", null, "Hvem er koordinator?", null);
        assertThat(pi).isWaitingAt("sendQuestions");
        runDueJobs();
        assertThat(pi).isWaitingAt("waitForApplicant");

        applicantResponds();
        assertThat(pi).isWaitingAt("check");
        assertThat(jobQuery().timers().count()).as("the reminder and lapse timers are gone").isZero();

        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        verify(membershipSteps, times(2)).check(ID);
        assertThat(steps).containsSubsequence("sendQuestions(42)", "check(42)", "computeFee(42)",
                "reviewStarted(42)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALREADY_MEMBER", "DUPLICATE"})
    void alreadyAMemberOrADuplicate_isClosed(String check) {
        checkSays(check);
        ProcessInstance pi = apply();

        runDueJobs();

        assertThat(pi).hasPassedInOrder("check", "closeAsDuplicate", "endDuplicate", "endClosed")
                .hasNotPassed("computeFee").isEnded();
        assertThat(steps).containsExactly("register(42)", "sendReceipt(42)", "check(42)", "closeAsDuplicate(42)");
        verify(membershipSteps).closeAsDuplicate(ID, check);
    }

    @Test
    void unknownCode_secretariatHasItCheckedAgain_isCheckedAgain() {
        checkSays("UNKNOWN_CODE", "OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("codeCheck");
        assertThat(task()).hasCandidateGroup("secretariat");

        complete(task(), withVariables("codeDecision", "recheck"));
        assertThat(pi).isWaitingAt("check");

        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        assertThat(steps).containsSubsequence("check(42)", "codeCheckStarted(42)",
                "codeChecked(42)", "check(42)", "computeFee(42)");
        verify(membershipSteps).codeChecked(ID, "recheck", null);
    }

    @Test
    void unknownCode_secretariatRejects_applicantIsRejected() {
        checkSays("UNKNOWN_CODE");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("codeCheck");

        complete(task(), withVariables("codeDecision", "reject", "codeNote", "Ingen kommune med den kode"));
        assertThat(pi).variables().doesNotContainKey("codeNote");
        runDueJobs();

        assertThat(pi).hasPassedInOrder("codeCheck", "reject", "endRejected", "endClosed").isEnded();
        verify(membershipSteps).check(ID);
        verify(membershipSteps).codeChecked(ID, "reject", "Ingen kommune med den kode");
        verify(membershipSteps).reject(ID, null);
        assertThat(steps).endsWith("codeChecked(42)", "reject(42)");
    }

    @Test
    void unreadableAttachment_newDocumentAskedFor_applicantSendsIt_isCheckedAgain() {
        checkSays("UNREADABLE_ATTACHMENT", "OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).hasPassed("askForDocument").isWaitingAt("waitForApplicant");

        applicantResponds();
        runDueJobs();

        assertThat(pi).isWaitingAt("review");
        assertThat(steps).containsSubsequence("check(42)", "askForDocument(42)", "check(42)", "computeFee(42)");
    }

    @Test
    void applicantSilentForAWeek_isReminded_andStillAwaited() {
        checkSays("UNREADABLE_ATTACHMENT", "OK");
        ProcessInstance pi = apply();
        runDueJobs();

        timePassesTo(APPLIED.plus(7, DAYS).minusSeconds(1));
        verify(membershipSteps, never()).sendReminder(anyLong());

        timePassesTo(APPLIED.plus(7, DAYS));
        assertThat(pi).hasPassedInOrder("reminderTimer", "sendReminder", "endReminded")
                .isWaitingAt("waitForApplicant");
        assertThat(steps).endsWith("sendReminder(42)");

        applicantResponds();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");
    }

    @Test
    void applicantSilentFor30Days_applicationLapses() {
        checkSays("OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        complete(task(), withVariables("reviewDecision", "ask"));
        runDueJobs();
        assertThat(pi).isWaitingAt("waitForApplicant");

        timePassesTo(APPLIED.plus(7, DAYS));
        timePassesTo(APPLIED.plus(30, DAYS));

        assertThat(pi).hasPassedInOrder("sendQuestions", "lapseTimer", "lapse", "endLapsed", "endClosed")
                .isEnded();
        assertThat(steps).endsWith("sendQuestions(42)", "sendReminder(42)", "lapse(42)");
        verify(membershipSteps, never()).reject(anyLong(), any());
    }

    @ParameterizedTest(name = "check {0}, withdrawn at {1}")
    @CsvSource({"OK, review", "UNKNOWN_CODE, codeCheck", "UNREADABLE_ATTACHMENT, waitForApplicant"})
    void withdrawnWhileUnderConsideration_withdrawalIsConfirmed(String check, String waitingAt) {
        checkSays(check);
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt(waitingAt);

        runtimeService().createMessageCorrelation("ApplicationWithdrawn").processInstanceBusinessKey(APPLICATION)
                .correlate();
        assertThat(pi).isWaitingAt("confirmWithdrawal");

        runDueJobs();
        assertThat(pi).hasPassedInOrder("withdrawn", "confirmWithdrawal", "endWithdrawn").hasNotPassed("endClosed")
                .isEnded();
        assertThat(jobQuery().count()).as("no timer left behind").isZero();
        assertThat(steps).endsWith("confirmWithdrawal(42)");
    }

    @Test
    void boardApproved_nothingCanBeWithdrawnAnyMore() {
        checkSays("OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        complete(task(), withVariables("reviewDecision", "approve"));
        assertThat(pi).isWaitingAt("board");
        complete(task(), withVariables("boardDecision", "approve"));
        runDueJobs();
        assertThat(pi).isWaitingAt("welcomeMeeting");

        assertThatThrownBy(() -> runtimeService().createMessageCorrelation("ApplicationWithdrawn")
                .processInstanceBusinessKey(APPLICATION).correlate())
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(pi).isWaitingAt("welcomeMeeting");
    }

    // ---- the applicant and the steps -------------------------------------------------------------------------

    /** As Applications.submit starts it: business key = the application's id. */
    ProcessInstance apply() {
        return runtimeService().createProcessInstanceByKey("membership-onboarding").businessKey(APPLICATION)
                .execute();
    }

    void applicantResponds() {
        runtimeService().createMessageCorrelation("ApplicantResponded").processInstanceBusinessKey(APPLICATION)
                .correlate();
    }

    /** What the automatic checks find, one result per time they run. */
    void checkSays(String first, String... then) {
        when(membershipSteps.check(ID)).thenReturn(first, then);
    }

    /**
     * Each step the process called (in an engine command, not a stubbing here), with its first argument: the
     * application's id (register's: the business key it found).
     */
    void record(MethodInvocationReport report) {
        InvocationOnMock call = (InvocationOnMock) report.getInvocation();
        if (Context.getCommandContext() != null && call.getArguments().length > 0) {
            steps.add(call.getMethod().getName() + "(" + call.getArgument(0) + ")");
        }
    }
}
