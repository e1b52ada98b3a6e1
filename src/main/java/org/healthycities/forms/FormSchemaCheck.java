package org.healthycities.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.healthycities.forms.internal.Feel;

/**
 * What a form made in the designer (or imported from a .form file) must be before it is saved: JSON of a
 * size we keep, only the components our renderer and validator support, each answer field with a key of its
 * own and a label, options where a choice needs them, patterns that compile and FEEL that parses. Each problem
 * names the field. Beside them, what Camunda 7.24's Tasklist (form-js 1.8) would not show, as notes: the
 * rules of @camunda/form-linting for that version, written out here because they only run in Node.
 */
public final class FormSchemaCheck {

    /** Far above any questionnaire (the 80-field sample is 20 kB); refuses a pasted data dump. */
    public static final int MAX_BYTES = 512 * 1024;
    /** The newest schemaVersion the form-js inside Camunda 7.24's Tasklist reads. */
    static final int TASKLIST_SCHEMA_VERSION = 16;

    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "checkbox", "datetime",
            "radio", "select", "checklist", "taglist", "filepicker", "expression");
    private static final Set<String> LAYOUT = Set.of("text", "separator", "spacer", "group", "html", "image");
    private static final Set<String> CHOICES = Set.of("radio", "select", "checklist", "taglist");
    /** Types that came after form-js 1.8 (the form-element-type rule's allow-list). */
    private static final Set<String> NEWER_THAN_TASKLIST = Set.of("filepicker", "documentPreview");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

    /** One problem: the field it is about (its label, else key, else id; null for the whole form) and a message. */
    public record Problem(String field, String code, List<Object> args) {
        public Object[] arguments() {
            return args.toArray();
        }
    }

    /**
     * The result: the form as it will be stored (id set, indented JSON) when there are no errors, the errors,
     * and the notes on what Tasklist would not show.
     */
    public record Result(FormDefinition form, List<Problem> errors, List<Problem> tasklistNotes) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private FormSchemaCheck() {
    }

    /** Checks the JSON and gives it the form id it is stored under (a designed form keeps its id). */
    public static Result check(byte[] bytes, String formId) {
        List<Problem> errors = new ArrayList<>();
        List<Problem> notes = new ArrayList<>();
        if (bytes.length == 0) {
            errors.add(new Problem(null, "form.design.error.empty", List.of()));
            return new Result(null, errors, notes);
        }
        if (bytes.length > MAX_BYTES) {
            errors.add(new Problem(null, "form.design.error.tooLarge", List.of(bytes.length / 1024, MAX_BYTES / 1024)));
            return new Result(null, errors, notes);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            errors.add(new Problem(null, "form.design.error.json", List.of(firstLine(e.getMessage()))));
            return new Result(null, errors, notes);
        }
        if (root == null || !root.isObject() || !root.path("components").isArray()) {
            errors.add(new Problem(null, "form.design.error.notAForm", List.of()));
            return new Result(null, errors, notes);
        }
        Set<String> keys = new HashSet<>();
        int inputs = components(root.path("components"), keys, errors, notes);
        if (inputs == 0 && errors.isEmpty()) {
            errors.add(new Problem(null, "form.design.error.noFields", List.of()));
        }
        int schemaVersion = root.path("schemaVersion").asInt(0);
        if (schemaVersion > TASKLIST_SCHEMA_VERSION) {
            notes.add(new Problem(null, "form.design.tasklist.schemaVersion", List.of(schemaVersion, TASKLIST_SCHEMA_VERSION)));
        }
        if (root.hasNonNull("versionTag")) {
            notes.add(new Problem(null, "form.design.tasklist.versionTag", List.of()));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors, notes);
        }
        ObjectNode stored = (ObjectNode) root;
        stored.put("id", formId);
        stored.put("type", "default");
        try {
            return new Result(FormParser.parse(JSON.writeValueAsBytes(stored)), errors, notes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the answer fields while it checks each component, groups included. */
    private static int components(JsonNode array, Set<String> keys, List<Problem> errors, List<Problem> notes) {
        int inputs = 0;
        for (JsonNode c : array) {
            String type = c.path("type").asText("");
            String name = name(c);
            if (!INPUTS.contains(type) && !LAYOUT.contains(type)) {
                errors.add(new Problem(name, "form.design.error.type", List.of(name, type)));
                continue;
            }
            if (NEWER_THAN_TASKLIST.contains(type)) {
                notes.add(new Problem(name, "form.design.tasklist.type", List.of(name, type)));
            }
            if (INPUTS.contains(type)) {
                inputs++;
                input(c, type, name, keys, errors, notes);
            }
            feel(c.path("conditional").path("hide"), name, errors);
            if ("image".equals(type) && c.hasNonNull("source") && !c.path("source").asText().strip().startsWith("https://")
                    && !c.path("source").asText().strip().startsWith("data:image/")) {
                errors.add(new Problem(name, "form.design.error.imageSource", List.of(name)));
            }
            if ("group".equals(type)) {
                inputs += components(c.path("components"), keys, errors, notes);
            }
        }
        return inputs;
    }

    private static void input(JsonNode c, String type, String name, Set<String> keys, List<Problem> errors,
                              List<Problem> notes) {
        String key = c.path("key").asText("").trim();
        if (key.isEmpty()) {
            errors.add(new Problem(name, "form.design.error.key.missing", List.of(name)));
        } else if (!KEY.matcher(key).matches()) {
            errors.add(new Problem(name, "form.design.error.key.invalid", List.of(name, key)));
        } else if (!keys.add(key)) {
            errors.add(new Problem(name, "form.design.error.key.duplicate", List.of(name, key)));
        }
        String label = c.path("datetime".equals(type) ? "dateLabel" : "label").asText(c.path("label").asText("")).trim();
        if (label.isEmpty()) {
            errors.add(new Problem(name, "form.design.error.label", List.of(name)));
        }
        if (CHOICES.contains(type)) {
            options(c, name, errors);
        }
        JsonNode validate = c.path("validate");
        String pattern = validate.path("pattern").asText("");
        if (!pattern.isEmpty()) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                errors.add(new Problem(name, "form.design.error.pattern", List.of(name, pattern)));
            }
        }
        if (validate.has("patternErrorMessage")) {
            notes.add(new Problem(name, "form.design.tasklist.patternErrorMessage", List.of(name)));
        }
        range(validate, "min", "max", false, name, errors);
        range(validate, "minLength", "maxLength", true, name, errors);
        if ("expression".equals(type)) {
            feel(c.path("expression"), name, errors);
        }
    }

    private static void options(JsonNode c, String name, List<Problem> errors) {
        if (c.hasNonNull("valuesKey")) {
            // a survey has no process to give the data a valuesKey names
            errors.add(new Problem(name, "form.design.error.dynamicOptions", List.of(name)));
            return;
        }
        if (c.hasNonNull("valuesExpression")) {
            feel(c.path("valuesExpression"), name, errors);
            return;
        }
        JsonNode values = c.path("values");
        if (!values.isArray() || values.isEmpty()) {
            errors.add(new Problem(name, "form.design.error.options", List.of(name)));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
            String value = v.path("value").asText("").trim();
            if (value.isEmpty() || !seen.add(value)) {
                errors.add(new Problem(name, "form.design.error.optionValue", List.of(name, value)));
                return;
            }
        }
    }

    private static void range(JsonNode validate, String low, String high, boolean whole, String name,
                              List<Problem> errors) {
        BigDecimal min = number(validate.get(low), whole);
        BigDecimal max = number(validate.get(high), whole);
        if ((validate.hasNonNull(low) && min == null) || (validate.hasNonNull(high) && max == null)) {
            errors.add(new Problem(name, "form.design.error.number", List.of(name)));
        } else if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(new Problem(name, "form.design.error.range", List.of(name, plain(min), plain(max))));
        }
    }

    private static void feel(JsonNode value, String name, List<Problem> errors) {
        String text = value.asText("");
        if (!Feel.isExpression(text)) {
            return;
        }
        ParseResult parsed = FEEL.parseExpression(text.substring(1));
        if (!parsed.isSuccess()) {
            errors.add(new Problem(name, "form.design.error.feel", List.of(name, text.substring(1))));
        }
    }

    /** How a designer knows a component: its label, else its key, else its id. */
    private static String name(JsonNode c) {
        for (String field : List.of("label", "dateLabel", "key", "id")) {
            String v = c.path(field).asText("").trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return c.path("type").asText("?");
    }

    private static BigDecimal number(JsonNode v, boolean whole) {
        if (v == null || v.isNull() || v.asText().isBlank()) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v.asText().trim());
            return whole && n.stripTrailingZeros().scale() > 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
