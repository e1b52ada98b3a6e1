package org.healthycities.tasks;

import org.springframework.modulith.NamedInterface;

/**
 * A message about one submitted field, already in the person's language. {@code field} is the input's id
 * (the error summary links to it), or null for a message about the whole form.
 */
@NamedInterface("task-plugins")
public record TaskFieldError(String field, String message) {
}
