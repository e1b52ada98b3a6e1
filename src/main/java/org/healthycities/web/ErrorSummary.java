package org.healthycities.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The error summary at the top of a refused form (templates/web/errors.html :: summary), one mechanism for every
 * form: one line per problem, in the order of the form's fields (not the order the checks ran in), each naming
 * its field in the person's language and linking to it. A field of a repeated part (a contact, a strategic goal,
 * an activity) is named with its part whenever the same words would otherwise appear twice, so two lines never
 * read alike.
 *
 * @param items the lines, problems without a field (e.g. "saved elsewhere meanwhile") first
 */
public record ErrorSummary(List<Item> items) {

    /** One line: the id of the element it links to (null: no link) and its text. */
    public record Item(String target, String text) {
    }

    public static final ErrorSummary EMPTY = new ErrorSummary(List.of());

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The targets (element ids) in the order shown. */
    public List<String> targets() {
        return items.stream().map(Item::target).toList();
    }

    /** A summary whose lines follow these element ids (the form's fields, top to bottom). */
    public static Builder inOrder(Collection<String> fieldOrder) {
        return new Builder(List.copyOf(fieldOrder));
    }

    public static final class Builder {

        private record Entry(String target, List<String> where, String message, int added) {
        }

        private final Map<String, Integer> position = new HashMap<>();
        private final List<Entry> entries = new ArrayList<>();

        private Builder(List<String> order) {
            for (int i = 0; i < order.size(); i++) {
                position.putIfAbsent(order.get(i), i);
            }
        }

        /**
         * A problem of the field with this element id (null: of the whole form).
         *
         * @param where the field's name as the page shows it, outermost part first (e.g. "Political contact",
         *              "E-mail"); the innermost is always shown, the outer ones when needed to tell lines apart
         */
        public Builder add(String target, List<String> where, String message) {
            entries.add(new Entry(target, where == null ? List.of() : where.stream()
                    .filter(w -> w != null && !w.isBlank()).toList(), message, entries.size()));
            return this;
        }

        public Builder add(String target, String where, String message) {
            return add(target, where == null ? List.of() : List.of(where), message);
        }

        public ErrorSummary build() {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingInt((Entry e) -> e.target() == null ? -1
                            : position.getOrDefault(e.target(), Integer.MAX_VALUE))
                    .thenComparingInt(Entry::added));
            List<String> texts = new ArrayList<>();
            for (Entry e : sorted) {
                texts.add(text(e, false));
            }
            // the same words twice: name the part each is about
            for (int i = 0; i < sorted.size(); i++) {
                if (count(texts, texts.get(i)) > 1) {
                    String shown = texts.get(i);
                    for (int j = 0; j < sorted.size(); j++) {
                        if (texts.get(j).equals(shown)) {
                            texts.set(j, text(sorted.get(j), true));
                        }
                    }
                }
            }
            // still alike (a form that gives no part names): number them
            Map<String, Integer> seen = new HashMap<>();
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < sorted.size(); i++) {
                String t = texts.get(i);
                int n = count(texts, t);
                String shown = n > 1 ? t + " (" + seen.merge(t, 1, Integer::sum) + "/" + n + ")" : t;
                items.add(new Item(sorted.get(i).target(), shown));
            }
            return new ErrorSummary(List.copyOf(items));
        }

        private static int count(List<String> texts, String t) {
            return (int) texts.stream().filter(t::equals).count();
        }

        private static String text(Entry e, boolean full) {
            if (e.where().isEmpty()) {
                return e.message();
            }
            String name = full ? String.join(", ", e.where()) : e.where().get(e.where().size() - 1);
            return name + ": " + e.message();
        }
    }
}
