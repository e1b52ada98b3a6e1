package org.healthycities.forms;

import java.util.List;

/** Why a field's answer was refused: a message key of i18n/forms (or i18n/documents) and its arguments. */
public record FieldError(String field, String messageKey, List<Object> args) {

    public FieldError(String field, String messageKey, Object... args) {
        this(field, messageKey, List.of(args));
    }
}
