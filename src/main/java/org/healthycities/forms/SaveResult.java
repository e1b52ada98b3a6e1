package org.healthycities.forms;

import java.util.List;
import java.util.Map;

/**
 * What a save came to, in every feature that saves answers: a form's submission ({@code SaveResult<Submission>}),
 * a member's evaluation (the same, told saved, submitted or late by the evaluation), a field of a workshop group's
 * sheet ({@code SaveResult<SheetField>}). {@code T} is what the feature stores, as the save leaves it.
 */
public sealed interface SaveResult<T> {

    /** What was saved as it stands now, or as it stood when nothing was stored (null where the save never read it). */
    T current();

    /** True when the answers were stored (a draft, a hand-in or a late answer). */
    default boolean stored() {
        return this instanceof Saved || this instanceof Submitted || this instanceof Late;
    }

    /** Stored as a draft; {@code current} carries its new version. */
    record Saved<T>(T current) implements SaveResult<T> {
    }

    /** Stored and handed in: locked until it is sent back or reopened. */
    record Submitted<T>(T current) implements SaveResult<T> {
    }

    /** Stored after the deadline, or after the process stopped waiting: kept as a late answer for the secretariat. */
    record Late<T>(T current) implements SaveResult<T> {
    }

    /** Refused, nothing stored: the reasons per field (field null for the whole form). */
    record Invalid<T>(T current, List<FieldError> errors) implements SaveResult<T> {
    }

    /**
     * Someone saved in between (the version given is stale): nothing overwritten. The stored answers and the keys
     * whose stored value differs from what this person sent are returned, so both can be shown per field.
     */
    record Conflict<T>(T current, Map<String, Object> storedAnswers, List<String> differingFields)
            implements SaveResult<T> {
    }

    /**
     * Nothing stored, as it takes no more answers: handed in already (locked until reopened), or its deadline has
     * passed, or it was closed.
     */
    record Closed<T>(T current) implements SaveResult<T> {
    }
}
