package org.healthycities.membership;

/** Where an application stands; {@link #step()} is the step the applicant sees on the private page. */
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
}
