package org.healthycities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

class EvaluationInputTest {

    private static final List<Long> GOALS = List.of(11L, 12L);
    private static final Set<String> SDGS = Set.of("SDG3", "SDG10");
    private static final Set<String> SIX_PS = Set.of("PEOPLE");

    private static EvaluationInput complete() {
        var p = EvaluationTestSupport.answers(3, GOALS, Progress.STARTED, Progress.ACHIEVED);
        p.set("activity.0.sdg", "SDG3");
        return EvaluationInput.parse(p, GOALS);
    }

    private static List<String> problems(EvaluationInput in, boolean submit) {
        return in.check(submit, GOALS, SDGS, SIX_PS, Set.of("7")).stream()
                .map(p -> p.field() + ":" + p.messageKey()).toList();
    }

    @Test
    void aCompleteAnswerPasses() {
        EvaluationInput in = complete();
        assertThat(in.version).isEqualTo(3);
        assertThat(in.progress(12L)).isEqualTo("ACHIEVED");
        assertThat(problems(in, true)).isEmpty();
    }

    @Test
    void aDraftMayBeIncompleteButASubmissionMayNot() {
        var p = new LinkedMultiValueMap<String, String>();
        p.add("version", "0");
        EvaluationInput in = EvaluationInput.parse(p, GOALS);
        assertThat(problems(in, false)).isEmpty();
        assertThat(problems(in, true)).containsExactly("goal.11.progress:evaluation.error.progress",
                "goal.12.progress:evaluation.error.progress", "inequality:evaluation.error.inequality");
    }

    @Test
    void tamperedChoicesAreRefused() {
        var p = EvaluationTestSupport.answers(0, GOALS, Progress.STARTED);
        p.set("goal.11.progress", "DONE_AND_DUSTED");
        p.set("activity.0.goal", "999");
        p.set("activity.0.status", "x");
        p.add("sdg", "SDG99");
        p.add("themeGroup", "8");
        assertThat(problems(EvaluationInput.parse(p, GOALS), false)).containsExactlyInAnyOrder(
                "goal.11.progress:evaluation.error.choice", "activity.0.goal:evaluation.error.choice",
                "activity.0.status:evaluation.error.choice", "activity.0.sdg:evaluation.error.choice",
                "sdg:evaluation.error.choice", "themeGroup:evaluation.error.choice");
    }

    @Test
    void blankActivityRowsAreDroppedAndAHalfFilledRowNeedsATitle() {
        var p = EvaluationTestSupport.answers(0, GOALS, Progress.STARTED);
        p.set("activity.0.sdg", "SDG10");
        p.add("activity.1.title", "");
        p.add("activity.1.partners", "");
        p.add("activity.1.status", "ONGOING");
        p.add("activity.2.title", "");
        p.add("activity.2.partners", "Skolen");
        p.add("activity.2.status", "ONGOING");
        EvaluationInput in = EvaluationInput.parse(p, GOALS);
        in.dropBlankActivities();
        assertThat(in.activities).hasSize(2);
        assertThat(problems(in, false)).containsExactly("activity.1.title:evaluation.error.activityTitle");
    }

    @Test
    void theYearlyRoundIsDueOnItsDateAndWithinTheCatchUpWindowOnly() {
        EvaluationSettings s = EvaluationSettings.defaults("sund-by");
        assertThat(s.dueOn(LocalDate.of(2027, 1, 31))).isFalse();
        assertThat(s.dueOn(LocalDate.of(2027, 2, 1))).isTrue();
        assertThat(s.dueOn(LocalDate.of(2027, 3, 2))).isTrue();
        assertThat(s.dueOn(LocalDate.of(2027, 3, 3))).isFalse();
        s.update(false, 2, 1, 56, 14);
        assertThat(s.dueOn(LocalDate.of(2027, 2, 1))).as("automatic start switched off").isFalse();
    }
}
