package org.healthycities.membership.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands; {@link #step()} is the step the applicant sees on the private page, and
 * {@link #canMoveTo} the moves bpmn/membership-onboarding.bpmn allows, written here once for
 * {@link Application}'s intent methods.
 */
enum ApplicationStatus {
    SUBMITTED(Step.RECEIVED),
    IN_REVIEW(Step.IN_REVIEW),
    WAITING_FOR_APPLICANT(Step.WAITING_FOR_YOU),
    WITH_BOARD(Step.WITH_BOARD),
    APPROVED(Step.DECIDED),
    REJECTED(Step.DECIDED),
    LAPSED(Step.DECIDED),
    WITHDRAWN(Step.DECIDED),
    ALREADY_MEMBER(Step.DECIDED),
    DUPLICATE(Step.DECIDED);

    /** The plain steps of the applicant's step indicator, in order. */
    enum Step { RECEIVED, IN_REVIEW, WAITING_FOR_YOU, WITH_BOARD, DECIDED }

    private final Step step;

    ApplicationStatus(Step step) {
        this.step = step;
    }

    Step step() {
        return step;
    }

    /** Whether the application still waits for something: then a second one for the same code is a duplicate. */
    boolean open() {
        return step != Step.DECIDED;
    }

    /**
     * Whether the onboarding can move an application from this status to {@code next}, by the diagram:
     * <ul>
     *   <li>SUBMITTED: the automatic checks close it (ALREADY_MEMBER, DUPLICATE), ask for a readable document
     *       (WAITING_FOR_APPLICANT) or start the code check or the review (IN_REVIEW);</li>
     *   <li>IN_REVIEW: the secretariat's review or code check starts again after a recheck or an answer
     *       (IN_REVIEW), asks the applicant (WAITING_FOR_APPLICANT), sends it to the board (WITH_BOARD) or
     *       rejects it (REJECTED); checked again, it may turn out a duplicate (ALREADY_MEMBER, DUPLICATE);</li>
     *   <li>WAITING_FOR_APPLICANT: the applicant answers (IN_REVIEW) or does not in time (LAPSED); an answer
     *       sent to the process over the REST API leaves the status as it is, so the checks after it start from
     *       here too (IN_REVIEW, WAITING_FOR_APPLICANT, ALREADY_MEMBER, DUPLICATE);</li>
     *   <li>WITH_BOARD: the board approves (APPROVED) or rejects (REJECTED);</li>
     *   <li>while it is open the applicant may withdraw it (WITHDRAWN); a decided application moves no more.</li>
     * </ul>
     */
    boolean canMoveTo(ApplicationStatus next) {
        return moves().contains(next);
    }

    private Set<ApplicationStatus> moves() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, ALREADY_MEMBER, DUPLICATE, WITHDRAWN);
            case IN_REVIEW -> EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, WITH_BOARD, REJECTED, ALREADY_MEMBER,
                    DUPLICATE, WITHDRAWN);
            case WAITING_FOR_APPLICANT -> EnumSet.of(IN_REVIEW, WAITING_FOR_APPLICANT, LAPSED, ALREADY_MEMBER,
                    DUPLICATE, WITHDRAWN);
            case WITH_BOARD -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED, REJECTED, LAPSED, WITHDRAWN, ALREADY_MEMBER, DUPLICATE ->
                    EnumSet.noneOf(ApplicationStatus.class);
        };
    }
}
