package org.healthycities.evaluation.internal;

public enum RoundStatus {
    /** Created; the member list and invitations are being prepared by the job executor. */
    OPENING,
    /** Every member of the round has its evaluation; invitations may still be on their way. */
    OPEN,
    CLOSED
}
