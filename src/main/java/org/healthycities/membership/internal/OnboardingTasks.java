package org.healthycities.membership.internal;

import static org.healthycities.membership.internal.MembershipFormRules.decision;
import static org.healthycities.membership.internal.MembershipFormRules.requireText;
import static org.healthycities.membership.internal.MembershipFormRules.text;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding's user tasks, by application id: the application's status follows its open task, and a
 * completed task's decision and texts (checked by {@link MembershipFormRules}) go into the application, its
 * history and the audit log, for our task pages and Camunda Tasklist alike. The process keeps the decisions only.
 */
@Service
@Transactional
class OnboardingTasks {

    private final Onboarding onboarding;
    private final History history;
    private final Fees fees;
    private final MembershipAudit audit;
    private final MembershipGateway engine;
    private final NetworkClock time;

    OnboardingTasks(Onboarding onboarding, History history, Fees fees, MembershipAudit audit,
                    MembershipGateway engine, NetworkClock time) {
        this.onboarding = onboarding;
        this.history = history;
        this.fees = fees;
        this.audit = audit;
        this.engine = engine;
        this.time = time;
    }

    // ---- a task starts: the status follows; the due date, so the applicant's page can say by when ----------------

    void codeCheckStarted(Long id) {
        Application a = onboarding.application(id);
        a.startReview();
        history.record(a, "CODE_CHECK_STARTED", HistoryEntry.SYSTEM, a.getMunicipalityCode());
    }

    void reviewStarted(Long id, Date due) {
        Application a = onboarding.application(id);
        a.startReview();
        history.record(a, "REVIEW_STARTED", HistoryEntry.SYSTEM, instant(due));
    }

    void boardStarted(Long id, Date due) {
        Application a = onboarding.application(id);
        a.sendToBoard();
        history.record(a, "BOARD_STARTED", HistoryEntry.SYSTEM, instant(due));
    }

    void welcomeMeetingPlanned(Long id, Date due) {
        history.record(onboarding.application(id), "WELCOME_MEETING_PLANNED", HistoryEntry.SYSTEM, instant(due));
    }

    // ---- a task is completed ------------------------------------------------------------------------------------

    /** The unknown code checked: "recheck" or "reject" (with a reason). */
    void codeChecked(Long id, Object codeDecision, Object codeNote) {
        Application a = onboarding.application(id);
        String decision = decision(codeDecision, "codeDecision", "recheck", "reject");
        String note = text(codeNote);
        if ("reject".equals(decision)) {
            requireText(note, "codeNote");
        }
        a.codeChecked(note);
        record(a, engine.actor(), "CODE_" + decision.toUpperCase(), note);
    }

    /** The secretariat's review: "approve", "ask" (with questions) or "reject" (with a reason); a fee set by hand. */
    void reviewed(Long id, Object reviewDecision, Object reviewNote, Object questions, Object fee) {
        Application a = onboarding.application(id);
        String actor = engine.actor();
        String decision = decision(reviewDecision, "reviewDecision", "approve", "ask", "reject");
        String note = text(reviewNote);
        String asked = "ask".equals(decision) ? requireText(text(questions), "questions") : null;
        if ("reject".equals(decision)) {
            requireText(note, "reviewNote");
        }
        a.reviewed(note, asked);
        BigDecimal set = MembershipFormRules.fee(fee);
        if (set != null && a.feeSetByHand(set, fees.rule(a.getNetworkId()).map(FeeRule::getCurrency).orElse(null), actor)) {
            history.record(a, "FEE_SET", actor, a.getFee().toPlainString());
        }
        record(a, actor, "REVIEW_" + decision.toUpperCase(), "ask".equals(decision) ? a.getQuestions() : note);
    }

    /**
     * The board's decision: "approve" or "reject" (with a reason), on its date (today when none is given). Returns
     * the outcome the process's last gateway asks for: APPROVED or REJECTED.
     */
    String boardDecided(Long id, Object boardDecision, Object boardNote, Object boardDecisionDate) {
        Application a = onboarding.application(id);
        String actor = engine.actor();
        String decision = decision(boardDecision, "boardDecision", "approve", "reject");
        String note = text(boardNote);
        LocalDate date = MembershipFormRules.date(boardDecisionDate, time.today(a.getNetworkId()));
        if ("reject".equals(decision)) {
            a.boardRejected(date, requireText(note, "boardNote"));
        } else {
            a.approve(date, note, time.now());
        }
        record(a, actor, "BOARD_" + decision.toUpperCase(), note);
        return "approve".equals(decision) ? ApplicationStatus.APPROVED.name() : ApplicationStatus.REJECTED.name();
    }

    void welcomeMeetingHeld(Long id, Object meetingNote) {
        Application a = onboarding.application(id);
        record(a, engine.actor(), "WELCOME_MEETING_HELD", text(meetingNote));
    }

    private void record(Application a, String actor, String kind, String detail) {
        history.record(a, kind, actor, detail);
        audit.decision(a, actor, kind, detail);
    }

    private static String instant(Date due) {
        return due == null ? null : due.toInstant().toString();
    }
}
