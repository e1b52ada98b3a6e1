package org.healthycities.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a form file: its components in order, its custom properties, and the SHA-256 of the file's
 * bytes, which identifies the version a submission was made with.
 */
public record FormDefinition(String id, String versionHash, int schemaVersion, Map<String, String> properties,
                             List<FormComponent> components, String json, Map<String, Map<String, String>> texts) {

    /** A form file's version: its texts in other languages come from forms/i18n. */
    public FormDefinition(String id, String versionHash, int schemaVersion, Map<String, String> properties,
                          List<FormComponent> components, String json) {
        this(id, versionHash, schemaVersion, properties, components, json, Map.of());
    }

    /** This version with its texts in other languages (a designed form's, by language, then text key). */
    public FormDefinition withTexts(Map<String, Map<String, String>> byLanguage) {
        return new FormDefinition(id, versionHash, schemaVersion, properties, components, json, Map.copyOf(byLanguage));
    }

    /** Marked in the file with the top-level custom property anonymous=true: no person data is stored. */
    public boolean anonymous() {
        return "true".equalsIgnoreCase(properties.getOrDefault("anonymous", "false"));
    }

    /** The fields that hold an answer (groups flattened), in form order. */
    public List<FormComponent> fields() {
        List<FormComponent> fields = new ArrayList<>();
        collect(components, fields);
        return fields;
    }

    public Optional<FormComponent> field(String key) {
        return fields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static void collect(List<FormComponent> components, List<FormComponent> into) {
        for (FormComponent c : components) {
            if (c.isInput()) {
                into.add(c);
            }
            collect(c.components(), into);
        }
    }
}
