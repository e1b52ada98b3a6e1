package org.healthycities.network.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.healthycities.network.StrategicGoal;

/**
 * A strategic goal or one of its sub-lines as entered on its create or edit page. The position is kept as
 * typed (text), like the years of {@link StrategyForm}, so a wrong one is shown back as it was.
 */
record GoalForm(
        @NotBlank(message = "{goal.title.required}") @Size(max = 300, message = "{goal.title.size}") String title,
        @Size(max = 4000, message = "{network.description.size}") String description,
        @NotBlank(message = "{goal.position.required}")
        @Pattern(regexp = "\\s*([1-9]\\d{0,2})?\\s*", message = "{goal.position.range}") String position) {

    static GoalForm at(int position) {
        return new GoalForm("", "", String.valueOf(position));
    }

    static GoalForm of(StrategicGoal g) {
        return new GoalForm(g.getTitle(), g.getDescription(), String.valueOf(g.getPosition()));
    }

    /** Only once the form is valid. */
    int positionNumber() {
        return Integer.parseInt(position.strip());
    }
}
