package org.healthycities.network.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.healthycities.network.Strategy;
import org.springframework.validation.Errors;

/**
 * A strategy's name, period and description as entered on its create or edit page. The years are kept as
 * typed (text), so a wrong one is shown back as it was and every other field is still checked; Spring
 * would drop a record's numbers when one of them does not convert.
 */
record StrategyForm(
        @NotBlank(message = "{strategy.name.required}") @Size(max = 200, message = "{strategy.name.size}") String name,
        @NotBlank(message = "{strategy.year.required}") @Pattern(regexp = YEAR, message = "{strategy.year.range}") String firstYear,
        @NotBlank(message = "{strategy.year.required}") @Pattern(regexp = YEAR, message = "{strategy.year.range}") String lastYear,
        @Size(max = 4000, message = "{network.description.size}") String description) {

    /** A year from 1900 to 2200, or nothing (that case has its own message). */
    static final String YEAR = "\\s*(19\\d\\d|2[01]\\d\\d|2200)?\\s*";

    static StrategyForm blank() {
        return new StrategyForm("", "", "", "");
    }

    static StrategyForm of(Strategy s) {
        return new StrategyForm(s.getName(), String.valueOf(s.getFirstYear()), String.valueOf(s.getLastYear()),
                s.getDescription());
    }

    /** Only once the form is valid. */
    int first() {
        return Integer.parseInt(firstYear.strip());
    }

    /** Only once the form is valid. */
    int last() {
        return Integer.parseInt(lastYear.strip());
    }

    /** What annotations cannot say: the period ends in or after the year it starts. */
    void checkPeriod(Errors errors) {
        if (isYear(firstYear) && isYear(lastYear) && last() < first() && !errors.hasFieldErrors("lastYear")) {
            errors.rejectValue("lastYear", "strategy.lastYear.beforeFirst");
        }
    }

    private static boolean isYear(String s) {
        return s != null && !s.isBlank() && s.matches(YEAR);
    }
}
