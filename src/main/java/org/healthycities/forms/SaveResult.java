package org.healthycities.forms;

import java.util.List;
import java.util.Map;

/** What saving a draft or submitting came to. */
public sealed interface SaveResult {

    /** Stored; the submission carries its new version. */
    record Saved(Submission submission) implements SaveResult {
    }

    /** Refused, nothing stored: the reasons per field (field null for the whole form). */
    record Invalid(Submission submission, List<FieldError> errors) implements SaveResult {
    }

    /**
     * Someone saved in between (the version given is stale): nothing stored. The stored answers and the keys
     * whose stored value differs from what this person sent are returned, so both can be shown per field.
     */
    record Conflict(Submission current, Map<String, Object> storedAnswers, List<String> differingFields)
            implements SaveResult {
    }

    /** Already submitted: locked until reopened. */
    record Locked(Submission submission) implements SaveResult {
    }
}
