package org.healthycities.tasks;

/**
 * A message about one submitted field, already in the person's language. {@code field} is the input's id
 * (the error summary links to it), or null for a message about the whole form.
 */
public record TaskFieldError(String field, String message) {
}
