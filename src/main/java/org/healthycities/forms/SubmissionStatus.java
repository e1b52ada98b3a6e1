package org.healthycities.forms;

public enum SubmissionStatus {
    /** Being filled in; may be saved unfinished any number of times. */
    DRAFT,
    /** Handed in and locked, until the process reopens it. */
    SUBMITTED
}
