package org.healthycities.surveys.internal;

/** Where one member stands in a survey, as the follow-up page shows it. */
public enum RecipientStatus {
    /** Its invitation is still to go out. */
    WAITING(true),
    /** Invited, the link not opened yet. */
    INVITED(true),
    /** The link was opened, nothing saved. */
    OPENED(true),
    /** A draft is saved. */
    DRAFT(true),
    /** Answered (submitted). */
    ANSWERED(false),
    /** The secretariat expects no answer any more, or the survey closed without one. */
    NO_ANSWER(false);

    private final boolean waiting;

    RecipientStatus(boolean waiting) {
        this.waiting = waiting;
    }

    /** Whether an answer is still expected. */
    public boolean isWaiting() {
        return waiting;
    }
}
