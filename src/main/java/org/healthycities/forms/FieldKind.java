package org.healthycities.forms;

/** How a component's answer is typed and stored (which column of form_answer). */
public enum FieldKind {
    TEXT, NUMBER, BOOLEAN, DATE, SINGLE_CHOICE, MULTI_CHOICE, UPLOAD, COMPUTED,
    /** Not an input: text, separator, spacer, group. */
    NONE
}
