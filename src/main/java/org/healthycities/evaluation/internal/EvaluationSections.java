package org.healthycities.evaluation.internal;

import java.util.List;
import java.util.Map;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.forms.FormView;

/**
 * The evaluation form's sections, top to bottom, each with whether it is complete, for the list at the top of
 * the page ("3 of 5 sections complete"). Worked out on the server from what the page shows: the saved
 * evaluation, or what the coordinator sent on a refused save.
 */
public record EvaluationSections(List<Section> sections) {

    /** One section: its anchor on the page (the id of its first element), its title's message key and its state. */
    public record Section(String id, String titleKey, boolean complete) {
    }

    static EvaluationSections of(FormView form, int goals) {
        Map<String, FormView.FieldView> fields = form.fieldsByKey();
        boolean goalsDone = goals > 0;
        for (int i = 0; i < goals; i++) {
            FormView.FieldView progress = fields.get(EvaluationAnswers.GOALS + "[" + i + "]." + EvaluationAnswers.PROGRESS);
            goalsDone &= progress != null && !progress.value().isBlank();
        }
        boolean activities = fields.entrySet().stream().anyMatch(f -> f.getKey().startsWith(EvaluationAnswers.ACTIVITIES + "[")
                && f.getKey().endsWith("]." + EvaluationAnswers.TITLE) && !f.getValue().value().isBlank());
        boolean focus = chosen(fields.get(EvaluationAnswers.SDGS)) || chosen(fields.get(EvaluationAnswers.SIX_PS));
        FormView.FieldView inequality = fields.get(EvaluationAnswers.INEQUALITY);
        FormView.FieldView document = fields.get(EvaluationAnswers.DOCUMENT);
        return new EvaluationSections(List.of(
                new Section("f-" + EvaluationAnswers.GOALS, "evaluation.goals.title", goalsDone),
                new Section("f-" + EvaluationAnswers.ACTIVITIES, "evaluation.activities.title", activities),
                new Section(fields.containsKey(EvaluationAnswers.SDGS) ? fields.get(EvaluationAnswers.SDGS).focusId() : "f-sdg",
                        "evaluation.focus.title", focus),
                new Section("f-" + EvaluationAnswers.INEQUALITY, "evaluation.section.inequality",
                        inequality != null && !inequality.value().isBlank()),
                new Section("f-" + EvaluationAnswers.DOCUMENT, "evaluation.section.document",
                        document != null && document.fileName() != null)));
    }

    private static boolean chosen(FormView.FieldView f) {
        return f != null && !f.values().isEmpty();
    }

    public int getComplete() {
        return (int) sections.stream().filter(Section::complete).count();
    }

    public int getTotal() {
        return sections.size();
    }
}
