package org.healthycities.forms;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthycities.web.ErrorSummary;

/**
 * A form ready to render (templates/forms/render.html): texts in the person's language, values, errors beside
 * fields and in a summary, and in a conflict the stored value beside each field that differs.
 *
 * @param conflict someone else saved meanwhile: the fields hold this person's values, stored ones beside
 */
public record FormView(String formId, String versionHash, List<FieldView> fields, List<Problem> problems,
                       boolean conflict) {

    /** One line of the error summary: the field's label and the reason, linked to the field. */
    public record Problem(String target, String message) {
    }

    /** Every field with a key, groups and list items flattened, by key (e.g. to tell which parts are filled in). */
    public Map<String, FieldView> fieldsByKey() {
        Map<String, FieldView> byKey = new LinkedHashMap<>();
        ArrayDeque<FieldView> todo = new ArrayDeque<>(fields);
        while (!todo.isEmpty()) {
            FieldView f = todo.removeFirst();
            if (f.key() != null) {
                byKey.put(f.key(), f);
            }
            for (int i = f.children().size() - 1; i >= 0; i--) {
                todo.addFirst(f.children().get(i));
            }
        }
        return byKey;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems for the shared summary (templates/web/errors.html), already in the form's order. */
    public ErrorSummary summary() {
        return new ErrorSummary(problems.stream().map(p -> new ErrorSummary.Item(
                p.target() == null ? null : p.target().substring(1), p.message())).toList());
    }

    /**
     * One component as rendered (groups carry their children; a dynamic list its items, whose value names them for
     * the remove button; a table its rows, with its columns as choices).
     *
     * @param addRemove a dynamic list (and its items) the person adds to and removes from
     */
    public record FieldView(String type, String key, String id, String name, String label, String description,
                            String textHtml, boolean required, boolean hidden, String value, List<String> values,
                            List<Choice> choices, String display, String error, String stored, String fileName,
                            String accept, String inputType, String min, String max, Integer minLength,
                            Integer maxLength, String pattern, String describedBy, List<FieldView> children,
                            boolean addRemove, List<List<String>> rows) {

        public boolean hasError() {
            return error != null;
        }

        /** The id the error summary links to: the input, or the first choice of a radio/checklist. */
        public String focusId() {
            return choices.isEmpty() || "select".equals(type) ? id : choices.get(0).id();
        }
    }

    public record Choice(String id, String value, String label, boolean selected) {
    }
}
