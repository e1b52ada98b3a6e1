package org.healthycities.membership;

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
import static org.mockito.Mockito.doAnswer;
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
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
 * bpmn/membership-onboarding.bpmn on the in-memory engine, with the steps bean {@code membershipProcess} mocked
 * (its {@code check} result is what the "Resultat?" gateway branches on). Business key: the application's id.
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
 * Besides: once the board has approved, nothing can be withdrawn (the message boundary is gone).
 */
@Deployment(resources = {"bpmn/membership-onboarding.bpmn", "forms/membership-application.form",
        "forms/membership-code-check.form", "forms/membership-review.form", "forms/membership-board-decision.form",
        "forms/membership-welcome-meeting.form"})
class MembershipOnboardingProcessTest {

    static final String APPLICATION = "42";
    static final Instant APPLIED = Instant.parse("2031-05-12T08:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    MembershipProcess membershipProcess;
    /** The steps in the order they ran, each with the application (business key) it ran for. */
    final List<String> steps = new ArrayList<>();

    @BeforeEach
    void mockTheSteps() {
        membershipProcess = mock(MembershipProcess.class, withSettings().invocationListeners(this::record));
        // as MembershipProcess.taskCompleted does: the board's approval is the outcome the last gateway asks for
        doAnswer(call -> {
            DelegateTask task = call.getArgument(0);
            if ("board".equals(task.getTaskDefinitionKey()) && "approve".equals(task.getVariable("boardDecision"))) {
                task.getExecution().setVariable("outcome", "APPROVED");
            }
            return null;
        }).when(membershipProcess).taskCompleted(any());
        Mocks.register("membershipProcess", membershipProcess);
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
                "taskCreated(review, 42)", "taskCompleted(review, 42)",
                "taskCreated(board, 42)", "taskCompleted(board, 42)",
                "createMember(42)", "inviteCoordinator(42)", "sendWelcome(42)",
                "taskCreated(welcomeMeeting, 42)", "taskCompleted(welcomeMeeting, 42)");
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
        verify(membershipProcess).reject(any());
        verify(membershipProcess, never()).createMember(any());
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
        assertThat(steps).endsWith("taskCompleted(review, 42)", "reject(42)");
    }

    @Test
    void checkOk_reviewAsks_applicantAnswers_isCheckedAgain() {
        checkSays("OK", "OK");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("review");

        complete(task(), withVariables("reviewDecision", "ask"));
        assertThat(pi).isWaitingAt("sendQuestions");
        runDueJobs();
        assertThat(pi).isWaitingAt("waitForApplicant");

        applicantResponds();
        assertThat(pi).isWaitingAt("check");
        assertThat(jobQuery().timers().count()).as("the reminder and lapse timers are gone").isZero();

        runDueJobs();
        assertThat(pi).isWaitingAt("review");
        verify(membershipProcess, times(2)).check(any());
        assertThat(steps).containsSubsequence("sendQuestions(42)", "check(42)", "computeFee(42)",
                "taskCreated(review, 42)");
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
        assertThat(steps).containsSubsequence("check(42)", "taskCreated(codeCheck, 42)",
                "taskCompleted(codeCheck, 42)", "check(42)", "computeFee(42)");
    }

    @Test
    void unknownCode_secretariatRejects_applicantIsRejected() {
        checkSays("UNKNOWN_CODE");
        ProcessInstance pi = apply();
        runDueJobs();
        assertThat(pi).isWaitingAt("codeCheck");

        complete(task(), withVariables("codeDecision", "reject"));
        runDueJobs();

        assertThat(pi).hasPassedInOrder("codeCheck", "reject", "endRejected", "endClosed").isEnded();
        verify(membershipProcess).check(any());
        assertThat(steps).endsWith("taskCompleted(codeCheck, 42)", "reject(42)");
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
        verify(membershipProcess, never()).sendReminder(any());

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
        verify(membershipProcess, never()).reject(any());
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
        when(membershipProcess.check(any())).thenReturn(first, then);
    }

    /** Written down while the step runs: the execution or task it gets is not readable once the command ended. */
    void record(MethodInvocationReport report) {
        InvocationOnMock call = (InvocationOnMock) report.getInvocation();
        Object argument = call.getArguments().length == 0 ? null : call.getArgument(0);
        String name = call.getMethod().getName();
        if (argument instanceof DelegateTask task) {
            steps.add(name + "(" + task.getTaskDefinitionKey() + ", "
                    + task.getExecution().getProcessBusinessKey() + ")");
        } else if (argument instanceof DelegateExecution execution) {
            steps.add(name + "(" + execution.getProcessBusinessKey() + ")");
        }
    }
}
