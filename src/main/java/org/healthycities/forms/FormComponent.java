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
 * @param extras     what only some types have: read-only, options from data, a dynamic list's path, html, image, table
 */
public record FormComponent(String id, String type, String key, String label, String description,
                            Object defaultValue, List<FormOption> options, FieldRules rules, String hide,
                            String subtype, String text, String expression, Map<String, String> properties,
                            List<FormComponent> components, Extras extras) {

    /**
     * @param readonly           form-js "readonly": shown, never taken from a post (its value comes from the data)
     * @param valuesKey          options read from the form's data under this name
     * @param valuesExpression   options as a FEEL list over the form's data
     * @param path               a dynamiclist's name: its items are answered as path[i].key
     * @param allowAddRemove     a dynamiclist whose items the person adds and removes
     * @param defaultRepetitions items an empty add/remove list starts with
     * @param content            an html component's HTML (sanitised when shown)
     * @param source             an image's URL (https or a data: image)
     * @param alt                an image's text alternative
     * @param columns            a table's columns (label, and key as the value)
     * @param dataSource         a table's rows: a data name, or FEEL over the data
     */
    public record Extras(boolean readonly, String valuesKey, String valuesExpression, String path,
                         boolean allowAddRemove, int defaultRepetitions, String content, String source, String alt,
                         List<FormOption> columns, String dataSource) {
        public static final Extras NONE = new Extras(false, null, null, null, false, 0, null, null, null, List.of(), null);
    }

    /** The component in a form's code, e.g. the copies a dynamic list makes per item. */
    public FormComponent(String id, String type, String key, String label, String description,
                         Object defaultValue, List<FormOption> options, FieldRules rules, String hide,
                         String subtype, String text, String expression, Map<String, String> properties,
                         List<FormComponent> components) {
        this(id, type, key, label, description, defaultValue, options, rules, hide, subtype, text, expression,
                properties, components, Extras.NONE);
    }

    /** The file-upload field: form-js "filepicker", or (as Tasklist 7.24 lacks it) a textfield with properties.upload=true. */
    public boolean isUpload() {
        return "filepicker".equals(type) || ("textfield".equals(type) && "true".equals(properties.get("upload")));
    }

    /** A dynamic list (form-js "dynamiclist" with a path): a group repeated per item. */
    public boolean isList() {
        return "dynamiclist".equals(type) && extras.path() != null && !extras.path().isBlank();
    }

    /**
     * A read-only field whose value the form's data gives (e.g. the strategic goal of a list item): shown as text,
     * never taken from a post. Other read-only fields (an upload for Tasklist's sake, a field a page fills) are
     * answered as before.
     */
    public boolean readonly() {
        return extras.readonly() && properties.containsKey(FormFeed.FROM_DATA);
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

    /** A field a person answers on our pages (read-only and computed fields are filled by the server). */
    public boolean isAnswerable() {
        return isInput() && kind() != FieldKind.COMPUTED && !readonly() && !tasklistOnly();
    }

    /**
     * Meant for Camunda Tasklist only (custom property shownIn=tasklist), e.g. the reviewer's decision on a form a
     * task shows: our pages neither show it nor take it.
     */
    public boolean tasklistOnly() {
        return "tasklist".equals(properties.get("shownIn"));
    }

    /** Options fed from the form's data (valuesKey, valuesExpression): their labels are kept with each answer. */
    public boolean hasFedOptions() {
        return extras.valuesKey() != null || extras.valuesExpression() != null;
    }

    /** The label of a stored option value, or the value itself when the list no longer has it. */
    public String optionLabel(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(FormOption::label).findFirst().orElse(value);
    }

    public boolean hasOption(String value) {
        return options.stream().anyMatch(o -> o.value().equals(value));
    }

    FormComponent with(String newId, String newKey, Object newDefault, List<FormOption> newOptions,
                       Map<String, String> newProperties, List<FormComponent> newComponents) {
        return new FormComponent(newId, type, newKey, label, description, newDefault, newOptions, rules, hide, subtype,
                text, expression, newProperties, newComponents, extras);
    }
}
