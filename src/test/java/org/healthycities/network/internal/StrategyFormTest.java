package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** The rules of the strategy and goal forms: years, period, position. */
class StrategyFormTest {

    static ValidatorFactory factory;

    @BeforeAll
    static void start() {
        factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    private static Errors check(String first, String last) {
        StrategyForm form = new StrategyForm("Strategi", first, last, null);
        Errors errors = new BeanPropertyBindingResult(form, "form");
        form.checkPeriod(errors);
        return errors;
    }

    private static List<String> invalid(Object form) {
        return factory.getValidator().validate(form).stream().map(ConstraintViolation::getPropertyPath)
                .map(Object::toString).sorted().toList();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefusedOnTheLastYear() {
        Errors errors = check("2030", "2021");
        assertThat(errors.getFieldError("lastYear")).isNotNull();
        assertThat(errors.getFieldError("lastYear").getCode()).isEqualTo("strategy.lastYear.beforeFirst");
        assertThat(errors.getFieldError("lastYear").getRejectedValue()).isEqualTo("2021");
    }

    @Test
    void aPeriodOfOneYearOrMoreIsFine() {
        assertThat(check("2021", "2021").hasErrors()).isFalse();
        assertThat(check(" 2021", "2030 ").hasErrors()).isFalse();
    }

    @Test
    void aMissingOrWrongYearIsLeftToItsOwnMessage() {
        assertThat(check(null, "2020").hasErrors()).isFalse();
        assertThat(check("2020", "").hasErrors()).isFalse();
        assertThat(check("tyve", "2019").hasErrors()).isFalse();
    }

    @Test
    void theLastYearGetsOnlyOneMessage() {
        StrategyForm form = new StrategyForm("Strategi", "2030", "2021", null);
        Errors errors = new BeanPropertyBindingResult(form, "form");
        errors.rejectValue("lastYear", "strategy.year.range");
        form.checkPeriod(errors);
        assertThat(errors.getFieldErrors("lastYear")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900", "1991", "2021", "2199", "2200", " 2030 "})
    void aYearFrom1900To2200IsAccepted(String year) {
        assertThat(invalid(new StrategyForm("Strategi", year, "2200", null))).isEmpty();
        assertThat(new StrategyForm("Strategi", year, "2200", null).first()).isBetween(1900, 2200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899", "2201", "tyve", "20.5", "1e3", "-2021", "02021"})
    void anythingElseIsNotAYear(String year) {
        assertThat(invalid(new StrategyForm("Strategi", year, "2200", null))).containsExactly("firstYear");
    }

    @Test
    void anEmptyYearGetsOneMessageNotTwo() {
        assertThat(invalid(new StrategyForm("Strategi", "", " ", null))).containsExactly("firstYear", "lastYear");
    }

    @Test
    void aPositionIsAWholeNumberFrom1To999() {
        assertThat(invalid(new GoalForm("Mål", null, "1"))).isEmpty();
        assertThat(invalid(new GoalForm("Mål", null, " 999 "))).isEmpty();
        assertThat(new GoalForm("Mål", null, " 42 ").positionNumber()).isEqualTo(42);
        for (String wrong : new String[] {"0", "1000", "-1", "først", "1.5", "", "01"}) {
            assertThat(invalid(new GoalForm("Mål", null, wrong))).as(wrong).containsExactly("position");
        }
    }
}
