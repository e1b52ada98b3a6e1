package org.healthycities.tasks;

import java.util.Locale;
import org.healthycities.security.CurrentUser;

/**
 * Shows, on the task page, the record a task is about (e.g. the membership application with its documents),
 * found by {@link TaskView#businessKey()}. Implement as a Spring bean; the first supporting panel is used.
 */
public interface TaskRecordPanel {

    /** Whether this panel shows tasks like this one (typically by process definition key). */
    boolean supports(TaskView task);

    /**
     * The record type the feature uses for its {@link AuditLog} rows (e.g. "application"): the history panel
     * shows the rows of this type whose record id is the task's business key.
     */
    String recordType();

    /** The fragment that shows the record; called for open and for ended tasks. */
    TaskFragment render(TaskView task, CurrentUser user, Locale locale);
}
