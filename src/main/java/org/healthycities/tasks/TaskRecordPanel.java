package org.healthycities.tasks;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.documents.StoredDocument;
import org.healthycities.security.CurrentUser;
import org.springframework.modulith.NamedInterface;

/**
 * Shows, on the task page, the record a task is about (e.g. the membership application with its documents),
 * found by {@link TaskView#businessKey()}. Implement as a Spring bean; the first supporting panel is used.
 */
@NamedInterface("task-plugins")
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

    /**
     * Whether the person may read this document of the task's record from the task page
     * ({@code /tasks/{id}/documents/{documentId}}), e.g. the board its application's documents on its own task.
     * The task is one the person may see (in their networks); anything else is "not found". None by default.
     */
    default boolean mayRead(TaskView task, CurrentUser user, StoredDocument document) {
        return false;
    }

    /**
     * The business keys of this feature's records in these networks whose subject (the municipality's or member's
     * name or code) contains the text, so the task list finds a task by the municipality it is about. None by
     * default; at most a few hundred.
     */
    default Collection<String> businessKeysAbout(Collection<String> networks, String text) {
        return List.of();
    }

    /**
     * What these tasks of the feature are about, in words for the task list's cards (e.g. "Aarhus Kommune ·
     * SB-2026-00001"), by business key; one query for the whole page. None by default.
     */
    default Map<String, String> subjects(Collection<String> businessKeys) {
        return Map.of();
    }

    /** The business keys that are record ids (our features key their processes by a numeric id). */
    static List<Long> ids(Collection<String> businessKeys) {
        return businessKeys.stream().filter(k -> k != null && k.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }
}
