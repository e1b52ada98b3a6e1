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
                             List<FormComponent> components, String json) {

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
