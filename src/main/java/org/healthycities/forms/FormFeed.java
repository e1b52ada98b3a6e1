package org.healthycities.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.healthycities.forms.internal.Feel;

/**
 * The data a form is opened with, as form-js's importForm(schema, data) takes it and as Camunda Tasklist gives it
 * the task's variables: option lists named by a field's valuesKey (lists of {label, value} or plain values), the
 * values of read-only fields, and the items of dynamic lists (lists of maps, e.g. the strategic goals of a round).
 */
public record FormFeed(Map<String, Object> data) {

    public static final FormFeed NONE = new FormFeed(Map.of());
    /** Items a list may have: far above any real action plan, and a bound on what a post can make us build. */
    static final int MAX_ITEMS = 100;
    /** The property that keeps a list item's copy of a component linked to the component in the file. */
    static final String TEMPLATE_ID = "templateId";
    /** A dynamic list's custom property naming one item ("Aktivitet"); items are numbered after it. */
    static final String ITEM_LABEL = "itemLabel";
    /** The property that marks a read-only field whose value came from the data. */
    static final String FROM_DATA = "fromData";

    public FormFeed {
        data = Map.copyOf(data);
    }

    /** Options for a choice from values given as FormOption, a map with label and value, or a plain value. */
    public static List<FormOption> options(Object values) {
        List<FormOption> options = new ArrayList<>();
        if (values instanceof Collection<?> many) {
            for (Object v : many) {
                if (v instanceof FormOption o) {
                    options.add(o);
                } else if (v instanceof Map<?, ?> m && m.get("value") != null) {
                    Object label = m.get("label");
                    options.add(new FormOption(String.valueOf(label == null ? m.get("value") : label), String.valueOf(m.get("value"))));
                } else if (v != null && !(v instanceof Map<?, ?>)) {
                    options.add(new FormOption(String.valueOf(v), String.valueOf(v)));
                }
            }
        }
        return List.copyOf(options);
    }

    static List<FormComponent> resolve(List<FormComponent> components, FormFeed feed, Map<String, Object> scope,
                                       Collection<String> answerKeys, String prefix) {
        List<FormComponent> resolved = new ArrayList<>();
        for (FormComponent c : components) {
            resolved.add(c.isList() && prefix.isEmpty() ? list(c, feed, scope, answerKeys)
                    : component(c, feed, scope, answerKeys, prefix));
        }
        return List.copyOf(resolved);
    }

    private static FormComponent component(FormComponent c, FormFeed feed, Map<String, Object> scope,
                                           Collection<String> answerKeys, String prefix) {
        List<FormOption> options = c.options();
        FormComponent.Extras x = c.extras();
        if (x.valuesKey() != null) {
            options = options(scope.get(x.valuesKey()));
        } else if (x.valuesExpression() != null) {
            options = options(Feel.evaluate(x.valuesExpression(), scope));
        }
        Object defaultValue = c.defaultValue();
        Map<String, String> properties = new LinkedHashMap<>(c.properties());
        if (c.extras().readonly() && !c.isUpload() && c.key() != null && scope.get(c.key()) != null) {
            Object v = scope.get(c.key());
            defaultValue = v instanceof Number n ? new BigDecimal(n.toString()) : v;
            properties.put(FROM_DATA, "true");
        }
        String key = c.key() == null ? null : prefix + c.key();
        String id = c.id() == null || prefix.isEmpty() ? c.id() : c.id() + "_" + prefix.replaceAll("[^A-Za-z0-9]", "");
        if (!prefix.isEmpty() && c.id() != null) {
            properties.put(TEMPLATE_ID, c.id());
        }
        return c.with(id, key, defaultValue, options, Map.copyOf(properties),
                resolve(c.components(), feed, scope, answerKeys, prefix));
    }

    /** A dynamic list repeated for its items: those of the data, or as many as the answers have, else its default. */
    private static FormComponent list(FormComponent list, FormFeed feed, Map<String, Object> scope,
                                      Collection<String> answerKeys) {
        String path = list.extras().path();
        List<Map<?, ?>> fed = new ArrayList<>();
        if (scope.get(path) instanceof Collection<?> items) {
            items.stream().filter(Map.class::isInstance).map(i -> (Map<?, ?>) i).forEach(fed::add);
        }
        int answered = 0;
        for (String key : answerKeys) {
            Matcher m = FormDefinition.LIST_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(path)) {
                answered = Math.max(answered, Integer.parseInt(m.group(2)) + 1);
            }
        }
        // a list the data gives (the round's goals) has exactly its items; the others grow with the answers
        int count = !fed.isEmpty() && !list.extras().allowAddRemove() ? fed.size() : Math.max(fed.size(), answered);
        if (count == 0) {
            count = list.extras().defaultRepetitions();
        }
        count = Math.min(count, MAX_ITEMS);
        List<FormComponent> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> itemScope = new LinkedHashMap<>(scope);
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("list", path);
            properties.put("index", String.valueOf(i));
            if (list.properties().containsKey(ITEM_LABEL)) {
                properties.put(ITEM_LABEL, list.properties().get(ITEM_LABEL));
            }
            if (i < fed.size()) {
                fed.get(i).forEach((k, v) -> {
                    itemScope.put(String.valueOf(k), v);
                    if (v != null && !(v instanceof Collection<?>) && !(v instanceof Map<?, ?>)) {
                        properties.put("data." + k, String.valueOf(v)); // for {{name}} in the item's texts
                    }
                });
            }
            String prefix = path + "[" + i + "].";
            items.add(new FormComponent(list.id() == null ? null : list.id() + "_" + i, FormDefinition.LIST_ITEM, null,
                    list.label(), null, null, List.of(), FieldRules.NONE, null, null, null, null, Map.copyOf(properties),
                    resolve(list.components(), feed, itemScope, answerKeys, prefix)));
        }
        return list.with(list.id(), null, null, List.of(), list.properties(), List.copyOf(items));
    }
}
