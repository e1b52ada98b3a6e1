package org.healthycities.evaluation.internal;

import java.util.Set;

/** Where one member's evaluation stands. */
public enum EvaluationStatus {
    /** Created for the round, invitation not out yet. */
    PENDING,
    INVITED,
    /** The coordinator saved a draft. */
    DRAFT,
    SUBMITTED,
    /** The secretariat sent it back with a comment; the coordinator fixes and submits again. */
    SENT_BACK,
    ACCEPTED,
    /** Saved or submitted after the round closed: the secretariat may still accept it. */
    LATE,
    /** The round closed (or the secretariat gave up following up) without an answer. */
    MISSING;

    /** Statuses whose answers count in the report. */
    public static final Set<EvaluationStatus> ANSWERED = Set.of(SUBMITTED, ACCEPTED);

    public boolean answered() {
        return ANSWERED.contains(this);
    }

    /** Whether the coordinator may still change the answers through the private link. */
    public boolean editable() {
        return this == INVITED || this == DRAFT || this == SENT_BACK || this == PENDING;
    }
}
