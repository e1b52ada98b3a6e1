package org.healthycities.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a Camunda Forms (form-js) JSON file into a {@link FormDefinition}; the version is the SHA-256 of the bytes. */
final class FormParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormParser() {
    }

    static FormDefinition parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a form-js JSON file: " + e.getMessage(), e);
        }
        String id = text(root, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A form file needs a top-level \"id\"");
        }
        List<FormComponent> components = components(root.path("components"));
        uniqueKeys(id, components);
        return new FormDefinition(id, sha256(bytes), root.path("schemaVersion").asInt(0), properties(root),
                components, new String(bytes, StandardCharsets.UTF_8));
    }

    /** Keys are unique in their scope: the form, or the items of one dynamic list (form-js scopes them so). */
    private static void uniqueKeys(String id, List<FormComponent> components) {
        Set<String> keys = new HashSet<>();
        for (FormComponent f : new FormDefinition(id, "", 0, Map.of(), components, "").fields()) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("Form " + id + " uses the key \"" + f.key() + "\" twice");
            }
        }
        for (FormComponent list : FormDefinition.lists(components)) {
            if (!keys.add(list.extras().path())) {
                throw new IllegalArgumentException("Form " + id + " uses the key \"" + list.extras().path() + "\" twice");
            }
            uniqueKeys(id, list.components());
        }
    }

    private static List<FormComponent> components(JsonNode array) {
        List<FormComponent> list = new ArrayList<>();
        for (JsonNode c : array) {
            list.add(component(c));
        }
        return List.copyOf(list);
    }

    private static FormComponent component(JsonNode c) {
        String type = text(c, "type");
        String label = text(c, "label");
        if (label == null) {
            label = text(c, "dateLabel"); // form-js labels a datetime by its date part
        }
        return new FormComponent(text(c, "id"), type, text(c, "key"), label, text(c, "description"),
                defaultValue(c.get("defaultValue")), options(c.path("values")), rules(c.path("validate")),
                text(c.path("conditional"), "hide"), text(c, "subtype"), text(c, "text"), text(c, "expression"),
                properties(c), components(c.path("components")), extras(c));
    }

    private static FormComponent.Extras extras(JsonNode c) {
        JsonNode readonly = c.get("readonly");
        List<FormOption> columns = new ArrayList<>();
        for (JsonNode column : c.path("columns")) {
            columns.add(new FormOption(text(column, "label"), text(column, "key")));
        }
        return new FormComponent.Extras(readonly != null && readonly.isBoolean() && readonly.booleanValue(),
                text(c, "valuesKey"), text(c, "valuesExpression"), text(c, "path"),
                c.path("allowAddRemove").asBoolean(false), c.path("defaultRepetitions").asInt(0), text(c, "content"),
                text(c, "source"), text(c, "alt"), List.copyOf(columns),
                text(c, "dataSource"));
    }

    private static Object defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isArray()) {
            List<String> values = new ArrayList<>();
            value.forEach(v -> values.add(v.asText()));
            return List.copyOf(values);
        }
        return value.asText();
    }

    private static List<FormOption> options(JsonNode values) {
        List<FormOption> options = new ArrayList<>();
        for (JsonNode v : values) {
            String value = text(v, "value");
            options.add(new FormOption(text(v, "label") == null ? value : text(v, "label"), value));
        }
        return List.copyOf(options);
    }

    private static FieldRules rules(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return FieldRules.NONE;
        }
        return new FieldRules(v.path("required").asBoolean(false), integer(v, "minLength"), integer(v, "maxLength"),
                text(v, "pattern"), decimal(v, "min"), decimal(v, "max"), text(v, "validationType"));
    }

    private static Map<String, String> properties(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.path("properties").fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return Map.copyOf(map);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : Integer.valueOf(v.asText().trim());
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : new BigDecimal(v.asText().trim());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
