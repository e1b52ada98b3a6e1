package org.healthycities.tasks;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** What a {@link TaskFormHandler} makes of a submission: complete with these variables, or show these errors. */
@NamedInterface("task-plugins")
public sealed interface TaskFormResult {

    static TaskFormResult complete(Map<String, Object> variables) {
        return new Completed(variables);
    }

    static TaskFormResult invalid(List<TaskFieldError> errors) {
        return new Invalid(errors);
    }

    /** Valid: the task is completed with these process variables (ids and decisions only). */
    record Completed(Map<String, Object> variables) implements TaskFormResult {
        public Completed {
            variables = variables == null ? Map.of() : Map.copyOf(variables);
        }
    }

    /** Not valid: the form is shown again with the input kept and these messages (in the person's language). */
    record Invalid(List<TaskFieldError> errors) implements TaskFormResult {
        public Invalid {
            if (errors == null || errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid submission needs at least one error");
            }
            errors = List.copyOf(errors);
        }
    }
}
