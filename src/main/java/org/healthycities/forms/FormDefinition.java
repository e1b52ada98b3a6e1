package org.healthycities.forms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of a form file: its components in order, its custom properties, and the SHA-256 of the file's
 * bytes, which identifies the version a submission was made with.
 */
public record FormDefinition(String id, String versionHash, int schemaVersion, Map<String, String> properties,
                             List<FormComponent> components, String json, Map<String, Map<String, String>> texts) {

    /** A dynamic list's item, as its answers are keyed: path[index].key (form-js keeps them so in its data). */
    static final Pattern LIST_KEY = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\[(\\d{1,9})]\\.([A-Za-z_$][A-Za-z0-9_]*)");
    /** The component type of one item of a resolved dynamic list (not a form-js type; never in a file). */
    public static final String LIST_ITEM = "listitem";

    /** A form file's version: its texts in other languages come from forms/i18n. */
    public FormDefinition(String id, String versionHash, int schemaVersion, Map<String, String> properties,
                          List<FormComponent> components, String json) {
        this(id, versionHash, schemaVersion, properties, components, json, Map.of());
    }

    /** This version with its texts in other languages (a designed form's, by language, then text key). */
    public FormDefinition withTexts(Map<String, Map<String, String>> byLanguage) {
        return new FormDefinition(id, versionHash, schemaVersion, properties, components, json, Map.copyOf(byLanguage));
    }

    /**
     * This version as it is filled in with this data: options of valuesKey/valuesExpression read, read-only values
     * set, and each dynamic list repeated for its items (as many as the data, the given answer keys or its default
     * repetitions say), whose fields are then keyed path[i].key.
     */
    public FormDefinition resolve(FormFeed feed, Collection<String> answerKeys) {
        return new FormDefinition(id, versionHash, schemaVersion, properties,
                FormFeed.resolve(components, feed, feed.data(), answerKeys, ""), json, texts);
    }

    /** Marked in the file with the top-level custom property anonymous=true: no person data is stored. */
    public boolean anonymous() {
        return "true".equalsIgnoreCase(properties.getOrDefault("anonymous", "false"));
    }

    /** The fields that hold an answer (groups flattened, items of resolved lists included), in form order. */
    public List<FormComponent> fields() {
        List<FormComponent> fields = new ArrayList<>();
        collect(components, fields);
        return fields;
    }

    /** A field by key; in a list, path[i].key finds the list's field (keyed so) also before the list is resolved. */
    public Optional<FormComponent> field(String key) {
        Optional<FormComponent> found = fields().stream().filter(f -> f.key().equals(key)).findFirst();
        if (found.isPresent()) {
            return found;
        }
        Matcher m = LIST_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.empty();
        }
        return lists(components).stream().filter(l -> l.extras().path().equals(m.group(1))).findFirst()
                .flatMap(l -> new FormDefinition(id, versionHash, schemaVersion, properties, l.components(), json)
                        .fields().stream().filter(f -> f.key().equals(m.group(3))).findFirst())
                .map(f -> f.with(f.id(), key, f.defaultValue(), f.options(), f.properties(), f.components()));
    }

    /** The dynamic lists among these components (in groups too, not inside other lists). */
    static List<FormComponent> lists(List<FormComponent> components) {
        List<FormComponent> lists = new ArrayList<>();
        for (FormComponent c : components) {
            if (c.isList()) {
                lists.add(c);
            } else {
                lists.addAll(lists(c.components()));
            }
        }
        return lists;
    }

    private static void collect(List<FormComponent> components, List<FormComponent> into) {
        for (FormComponent c : components) {
            if (c.isInput()) {
                into.add(c);
            }
            // a list's own fields are answered per item: only a resolved list's items hold fields of the form
            List<FormComponent> inner = c.isList()
                    ? c.components().stream().filter(i -> LIST_ITEM.equals(i.type())).toList() : c.components();
            collect(inner, into);
        }
    }
}
