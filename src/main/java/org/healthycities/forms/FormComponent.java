package org.healthycities.forms;

import java.util.List;
import java.util.Map;

/**
 * One component of a form file as form-js writes it. FEEL expressions (values starting with "=") are kept as
 * written; the server evaluates them.
 *
 * @param hide       the FEEL of conditional.hide, or null
 * @param subtype    datetime's subtype (date, time, datetime)
 * @param text       a text component's markdown
 * @param expression an expression component's FEEL
 * @param properties form-js custom properties (e.g. upload=true, accept=.pdf,.docx)
 */
public record FormComponent(String id, String type, String key, String label, String description,
                            Object defaultValue, List<FormOption> options, FieldRules rules, String hide,
                            String subtype, String text, String expression, Map<String, String> properties,
                            List<FormComponent> components) {

    /** The file-upload field: form-js "filepicker", or (as Tasklist 7.24 lacks it) a textfield with properties.upload=true. */
    public boolean isUpload() {
        return "filepicker".equals(type) || ("textfield".equals(type) && "true".equals(properties.get("upload")));
    }

    public FieldKind kind() {
        if (key == null || key.isBlank()) {
            return FieldKind.NONE;
        }
        if (isUpload()) {
            return FieldKind.UPLOAD;
        }
        return switch (type) {
            case "textfield", "textarea" -> FieldKind.TEXT;
            case "number" -> FieldKind.NUMBER;
            case "checkbox" -> FieldKind.BOOLEAN;
            case "datetime" -> "date".equals(subtype) || subtype == null ? FieldKind.DATE : FieldKind.TEXT;
            case "radio", "select" -> FieldKind.SINGLE_CHOICE;
            case "checklist", "taglist" -> FieldKind.MULTI_CHOICE;
            case "expression" -> FieldKind.COMPUTED;
            default -> FieldKind.NONE;
        };
    }

    public boolean isInput() {
        return kind() != FieldKind.NONE;
    }

    public boolean isAnswerable() {
        return isInput() && kind() != FieldKind.COMPUTED;
    }

    /** The label of a stored option value, or the value itself when the list no longer has it. */
    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(FormOption::label).findFirst().orElse(value);
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }
}
