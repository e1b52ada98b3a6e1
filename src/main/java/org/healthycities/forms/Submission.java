package org.healthycities.forms;

import java.time.Instant;

/**
 * A filled-in form about one subject, with its optimistic-locking version (pass it back when saving).
 * The submitter is {@link Submitter#NOBODY} for an anonymous form.
 */
public record Submission(long id, String formId, String formVersionHash, Subject subject, String networkId,
                         SubmissionStatus status, int version, Instant createdAt, Instant updatedAt,
                         Instant submittedAt, Submitter submitter) {

    public boolean isLocked() {
        return status == SubmissionStatus.SUBMITTED;
    }
}
