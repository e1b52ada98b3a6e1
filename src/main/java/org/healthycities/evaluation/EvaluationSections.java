package org.healthycities.evaluation;

import java.util.List;

/**
 * The evaluation form's sections, top to bottom, each with whether it is complete, for the list at the top of
 * the page ("3 of 5 sections complete"). Worked out on the server from what the page shows: the saved
 * evaluation, or what the coordinator sent on a refused save.
 */
public record EvaluationSections(List<Section> sections) {

    /** One section: its anchor on the page (the id of its heading), its title's message key and its state. */
    public record Section(String id, String titleKey, boolean complete) {
    }

    static EvaluationSections of(EvaluationInput input, List<Long> goalIds, boolean hasDocument) {
        boolean goals = !goalIds.isEmpty() && goalIds.stream().allMatch(id -> !input.progress(id).isBlank());
        boolean activities = input.activities.stream().anyMatch(a -> !a.title().isBlank());
        boolean focus = !input.sdgs.isEmpty() || !input.sixPs.isEmpty();
        boolean inequality = !input.inequality.isBlank();
        return new EvaluationSections(List.of(
                new Section("section-goals", "evaluation.goals.title", goals),
                new Section("section-activities", "evaluation.activities.title", activities),
                new Section("section-focus", "evaluation.focus.title", focus),
                new Section("section-inequality", "evaluation.section.inequality", inequality),
                new Section("section-document", "evaluation.section.document", hasDocument)));
    }

    public int getComplete() {
        return (int) sections.stream().filter(Section::complete).count();
    }

    public int getTotal() {
        return sections.size();
    }
}
