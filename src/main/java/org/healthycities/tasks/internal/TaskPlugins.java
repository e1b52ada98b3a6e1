package org.healthycities.tasks.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** Picks the features' panels and form handlers for a task, in Spring order; falls back to {@link PlainForm}. */
@Component
class TaskPlugins {

    private final ObjectProvider<TaskRecordPanel> panels;
    private final ObjectProvider<TaskFormHandler> handlers;
    private final TaskFormHandler plain;

    TaskPlugins(ObjectProvider<TaskRecordPanel> panels, ObjectProvider<TaskFormHandler> handlers,
                MessageSource messages) {
        this.panels = panels;
        this.handlers = handlers;
        this.plain = new PlainForm(messages);
    }

    Optional<TaskRecordPanel> panel(TaskView task) {
        return panels.orderedStream().filter(p -> p.supports(task)).findFirst();
    }

    /** What each task is about in words (its card's subject), by task id; tasks no panel knows are left out. */
    Map<String, String> subjects(List<TaskView> tasks) {
        Map<String, String> byTask = new HashMap<>();
        Map<TaskRecordPanel, List<TaskView>> byPanel = new LinkedHashMap<>();
        for (TaskView task : tasks) {
            if (task.businessKey() != null) {
                panel(task).ifPresent(p -> byPanel.computeIfAbsent(p, k -> new ArrayList<>()).add(task));
            }
        }
        byPanel.forEach((panel, theirs) -> {
            Map<String, String> words = panel.subjects(theirs.stream().map(TaskView::businessKey).distinct().toList());
            theirs.stream().filter(t -> words.containsKey(t.businessKey()))
                    .forEach(t -> byTask.put(t.id(), words.get(t.businessKey())));
        });
        return byTask;
    }

    /** The record type of the task's audit rows: the panel's, else the process definition key. */
    String recordType(TaskView task) {
        return panel(task).map(TaskRecordPanel::recordType).orElse(task.processDefinitionKey());
    }

    TaskFormHandler handler(TaskView task) {
        return handlers.orderedStream().filter(h -> h.supports(task)).findFirst().orElse(plain);
    }

    /**
     * No feature handles the task: one without a form is completed with a plain button; one with a form
     * (which our pages cannot render yet) is to be completed in Camunda Tasklist, where it renders.
     */
    static final class PlainForm implements TaskFormHandler {

        static final String TEMPLATE = "tasks/forms";

        private final MessageSource messages;

        PlainForm(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public boolean supports(TaskView task) {
            return true;
        }

        @Override
        public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
            return task.hasForm()
                    ? new TaskFragment(TEMPLATE, "tasklist", Map.of("form",
                            task.formRef() != null ? task.formRef() : task.formKey()))
                    : new TaskFragment(TEMPLATE, "plain", Map.of());
        }

        @Override
        public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                       MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
            // the form's fields would be lost: such a task is completed where its form renders
            return task.hasForm()
                    ? TaskFormResult.invalid(List.of(new TaskFieldError(null,
                            messages.getMessage("tasks.form.inTasklist", null, locale))))
                    : TaskFormResult.complete(Map.of());
        }
    }
}
