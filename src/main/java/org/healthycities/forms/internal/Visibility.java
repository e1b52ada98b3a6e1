package org.healthycities.forms.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.forms.FormComponent;
import org.healthycities.forms.FormDefinition;

/**
 * Which components conditional.hide hides, given the answers. A hidden component's answer does not count in
 * the other conditions (a value from the data does), so this repeats until nothing changes; a hidden group hides
 * everything in it.
 */
public final class Visibility {

    private static final int MAX_ROUNDS = 10;

    private Visibility() {
    }

    /** The ids of the hidden components (and the keys of hidden fields). */
    public static Set<String> hidden(FormDefinition form, Map<String, Object> answers) {
        // a value the form was opened with (a read-only field's, e.g. a network's setting) counts even when its
        // field is hidden: form-js reads the data given to importForm in every condition
        Set<String> fromData = form.fields().stream().filter(FormComponent::readonly).map(FormComponent::key)
                .collect(Collectors.toSet());
        Set<String> hidden = new HashSet<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<String, Object> visible = new HashMap<>(answers);
            hidden.stream().filter(k -> !fromData.contains(k)).forEach(visible::remove);
            Set<String> next = new HashSet<>();
            collect(form.components(), visible, new HashMap<>(), false, next);
            if (next.equals(hidden)) {
                break;
            }
            hidden = next;
        }
        return hidden;
    }

    /**
     * {@code decided}: each condition's result with these answers, so a condition that several components share
     * (a form's "=accessionQuestions = false" on each of its questions) is evaluated once: FEEL builds its
     * built-in functions anew for every evaluation, most of a submit's time in the form's checks.
     */
    private static void collect(List<FormComponent> components, Map<String, Object> answers,
                                Map<String, Boolean> decided, boolean parentHidden, Set<String> into) {
        for (FormComponent c : components) {
            if (FormDefinition.LIST_ITEM.equals(c.type())) {
                // an item's conditions see its own fields by their own keys, as form-js scopes them
                String prefix = c.properties().get("list") + "[" + c.properties().get("index") + "].";
                Map<String, Object> scoped = new HashMap<>(answers);
                answers.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        scoped.put(k.substring(prefix.length()), v);
                    }
                });
                collect(c.components(), scoped, new HashMap<>(), parentHidden, into);
                continue;
            }
            boolean hide = parentHidden
                    || (c.hide() != null && decided.computeIfAbsent(c.hide(), h -> Feel.isTrue(h, answers)));
            if (hide) {
                if (c.id() != null) {
                    into.add(c.id());
                }
                if (c.key() != null) {
                    into.add(c.key());
                }
            }
            collect(c.components(), answers, decided, hide, into);
        }
    }
}
