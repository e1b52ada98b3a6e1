package org.healthycities.workshop.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Shows a workshop session on the task list's task page and completes the consolidation task there; the
 * syntheses themselves are written on the consolidation page, which is too wide for the task page.
 */
@Component
@Order(10)
class WorkshopTaskPlugin implements TaskRecordPanel, TaskFormHandler {

    private final WorkshopService workshops;
    private final SessionRepository sessions;
    private final NetworkDirectory directory;
    private final MessageSource messages;

    private final ConsolidationService consolidation;

    WorkshopTaskPlugin(WorkshopService workshops, SessionRepository sessions, NetworkDirectory directory,
                       MessageSource messages, ConsolidationService consolidation) {
        this.consolidation = consolidation;
        this.workshops = workshops;
        this.sessions = sessions;
        this.directory = directory;
        this.messages = messages;
    }

    /** The session's title, for the task list's cards. */
    @Override
    public Map<String, String> subjects(Collection<String> businessKeys) {
        return sessions.findAllById(TaskRecordPanel.ids(businessKeys)).stream().collect(Collectors.toMap(s -> String.valueOf(s.getId()),
                WorkshopSession::getTitle));
    }

    @Override
    public boolean supports(TaskView task) {
        return WorkshopProcess.KEY.equals(task.processDefinitionKey());
    }

    @Override
    public String recordType() {
        return "workshop-session";
    }

    private Optional<SessionView> session(TaskView task, CurrentUser user) {
        try {
            return workshops.session(directory.visibleTo(user), Long.valueOf(task.businessKey()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public TaskFragment render(TaskView task, CurrentUser user, Locale locale) {
        // a map, as the fragment's model may not hold nulls
        Map<String, Object> view = new HashMap<>();
        view.put("session", session(task, user).orElse(null));
        return new TaskFragment("workshop/task", "session", Map.of("view", view));
    }

    @Override
    public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
        return new TaskFragment("workshop/task", "consolidation", Map.of("sessionId", task.businessKey()));
    }

    /** Completing here marks the session as consolidated; the process then mails the summary. */
    @Override
    public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                   MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
        Optional<SessionView> session = session(task, user)
                .filter(v -> v.session().getStatus() == WorkshopSession.Status.CLOSED);
        if (session.isEmpty()) {
            return TaskFormResult.invalid(List.of(new TaskFieldError(null,
                    messages.getMessage("workshop.task.notClosed", null, locale))));
        }
        consolidation.consolidated(session.get(), locale);
        return TaskFormResult.complete(Map.of());
    }
}
