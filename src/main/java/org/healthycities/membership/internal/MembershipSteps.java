package org.healthycities.membership.internal;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of bpmn/membership-onboarding.bpmn, called by expressions such as
 * {@code ${membershipSteps.check(execution.processBusinessKey)}}: the application's id (the business key) and the
 * forms' values in, service calls out, and back what the gateways branch on. Public only because the engine's
 * expression language calls these methods by reflection; every step is safe to run again after a failed try. The
 * work is done by {@link Onboarding} (the automatic steps) and {@link OnboardingTasks} (the user tasks); the
 * engine is called through {@link MembershipGateway} only.
 */
@Component("membershipSteps")
@Transactional
public class MembershipSteps {

    private final Onboarding onboarding;
    private final OnboardingTasks tasks;
    private final MembershipFormRules rules;

    MembershipSteps(Onboarding onboarding, OnboardingTasks tasks, MembershipFormRules rules) {
        this.onboarding = onboarding;
        this.tasks = tasks;
        this.rules = rules;
    }

    // ---- the automatic steps -------------------------------------------------------------------------------

    /**
     * Links the process to its application; returns the application's id, which becomes the business key. A
     * process started in Tasklist or over REST (no business key) makes its application from the start form's
     * variables, removed from the process after this step ({@link #startFormVariables()}). The expression language
     * passes a missing business key or tenant id as "", taken as none.
     */
    public String register(String businessKey, String processInstanceId, String tenantId,
                           Map<String, Object> variables) {
        return String.valueOf(onboarding.register(none(businessKey), processInstanceId, none(tenantId), variables));
    }

    private static String none(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The start form's fields, kept in the application and not in the process. */
    public Collection<String> startFormVariables() {
        return rules.startFormVariables();
    }

    public void sendReceipt(Long applicationId) {
        onboarding.sendReceipt(applicationId);
    }

    /** OK, ALREADY_MEMBER, DUPLICATE, UNKNOWN_CODE or UNREADABLE_ATTACHMENT, for the "Resultat?" gateway. */
    public String check(Long applicationId) {
        return onboarding.check(applicationId);
    }

    public void closeAsDuplicate(Long applicationId, String check) {
        onboarding.closeAsDuplicate(applicationId, check);
    }

    public void askForDocument(Long applicationId) {
        onboarding.askForDocument(applicationId);
    }

    /** The fee by the network's rule (null without one), which prefills the review form's fee field. */
    public Double computeFee(Long applicationId) {
        return onboarding.computeFee(applicationId);
    }

    public void sendQuestions(Long applicationId) {
        onboarding.sendQuestions(applicationId);
    }

    public void sendReminder(Long applicationId) {
        onboarding.sendReminder(applicationId);
    }

    public void lapse(Long applicationId) {
        onboarding.lapse(applicationId);
    }

    public void reject(Long applicationId, Object boardDecision) {
        onboarding.reject(applicationId, boardDecision);
    }

    public void confirmWithdrawal(Long applicationId) {
        onboarding.confirmWithdrawal(applicationId);
    }

    /** The new member's id. */
    public Long createMember(Long applicationId) {
        return onboarding.createMember(applicationId);
    }

    public void inviteCoordinator(Long applicationId) {
        onboarding.inviteCoordinator(applicationId);
    }

    public void sendWelcome(Long applicationId) {
        onboarding.sendWelcome(applicationId);
    }

    // ---- the user tasks' listeners: created (with the task's due date), completed (with the form's values) ------

    public void codeCheckStarted(Long applicationId) {
        tasks.codeCheckStarted(applicationId);
    }

    public void codeChecked(Long applicationId, Object codeDecision, Object codeNote) {
        tasks.codeChecked(applicationId, codeDecision, codeNote);
    }

    public void reviewStarted(Long applicationId, Date due) {
        tasks.reviewStarted(applicationId, due);
    }

    public void reviewed(Long applicationId, Object reviewDecision, Object reviewNote, Object questions, Object fee) {
        tasks.reviewed(applicationId, reviewDecision, reviewNote, questions, fee);
    }

    public void boardStarted(Long applicationId, Date due) {
        tasks.boardStarted(applicationId, due);
    }

    /** APPROVED or REJECTED: the outcome the "Godkendt?" gateway asks for. */
    public String boardDecided(Long applicationId, Object boardDecision, Object boardNote, Object boardDecisionDate) {
        return tasks.boardDecided(applicationId, boardDecision, boardNote, boardDecisionDate);
    }

    public void welcomeMeetingPlanned(Long applicationId, Date due) {
        tasks.welcomeMeetingPlanned(applicationId, due);
    }

    public void welcomeMeetingHeld(Long applicationId, Object meetingNote) {
        tasks.welcomeMeetingHeld(applicationId, meetingNote);
    }

    /** The texts a task form sends, which the application keeps and the process does not. */
    public Collection<String> taskTextVariables() {
        return MembershipFormRules.TEXT_VARIABLES;
    }
}
