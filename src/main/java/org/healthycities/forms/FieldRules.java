package org.healthycities.forms;

import java.math.BigDecimal;

/** A field's form-js "validate" block; null where the file sets no limit. */
public record FieldRules(boolean required, Integer minLength, Integer maxLength, String pattern,
                         BigDecimal min, BigDecimal max, String validationType) {

    public static final FieldRules NONE = new FieldRules(false, null, null, null, null, null, null);
}
