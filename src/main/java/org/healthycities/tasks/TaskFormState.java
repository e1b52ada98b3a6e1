package org.healthycities.tasks;

import java.util.List;
import java.util.Objects;
import org.healthycities.web.ErrorSummary;
import org.springframework.modulith.NamedInterface;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** What a form shows again: the submitted values (so input is kept) and the errors. */
@NamedInterface("task-plugins")
public record TaskFormState(MultiValueMap<String, String> values, List<TaskFieldError> errors) {

    public TaskFormState {
        values = values == null ? new LinkedMultiValueMap<>() : new LinkedMultiValueMap<>(values);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static TaskFormState empty() {
        return new TaskFormState(null, null);
    }

    /** The first submitted value of a field, or "" (never null, for th:value). */
    public String value(String field) {
        String v = values.getFirst(field);
        return v == null ? "" : v;
    }

    public List<String> valuesOf(String field) {
        return values.getOrDefault(field, List.of());
    }

    /** Whether a value was submitted for a field, for radio buttons, check boxes and options. */
    public boolean selected(String field, String value) {
        return valuesOf(field).contains(value);
    }

    /** The errors for the shared summary of every form (templates/web/errors.html), in the order given. */
    public ErrorSummary summary() {
        return new ErrorSummary(errors.stream()
                .map(e -> new ErrorSummary.Item(e.field(), e.message())).toList());
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return error(field) != null;
    }

    /** The message for a field, or null. */
    public String error(String field) {
        return errors.stream().filter(e -> Objects.equals(e.field(), field)).map(TaskFieldError::message)
                .findFirst().orElse(null);
    }
}
