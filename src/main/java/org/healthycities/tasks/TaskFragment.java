package org.healthycities.tasks;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A Thymeleaf fragment a plug-in contributes to the task page, e.g.
 * {@code new TaskFragment("membership/task", "application", Map.of("application", app))} for
 * {@code <div th:fragment="application(model)">} in templates/membership/task.html.
 */
@NamedInterface("task-plugins")
public record TaskFragment(String template, String fragment, Map<String, ?> model) {

    public TaskFragment {
        model = model == null ? Map.of() : Map.copyOf(model);
    }
}
