package org.healthycities.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The arithmetic of the results and the export's file name, without a database. */
class SurveyResultsTest {

    private static final Locale DA = Locale.forLanguageTag("da");

    private static List<BigDecimal> numbers(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).sorted().toList();
    }

    @Test
    void aScaleHasABarForEveryStepEvenTheUnchosenOnes() {
        List<BigDecimal> v = numbers("1", "3", "3", "5");
        assertThat(SurveyResults.distribution(v, v.get(0), v.get(3), DA))
                .extracting(SurveyResults.Bar::label, SurveyResults.Bar::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", 1L), org.assertj.core.groups.Tuple.tuple("2", 0L),
                        org.assertj.core.groups.Tuple.tuple("3", 2L), org.assertj.core.groups.Tuple.tuple("4", 0L),
                        org.assertj.core.groups.Tuple.tuple("5", 1L));
    }

    @Test
    void widerOrFractionalNumbersFallIntoFiveEqualRangesTheLargestInTheLast() {
        List<BigDecimal> v = numbers("0", "49", "50", "100");
        List<SurveyResults.Bar> bars = SurveyResults.distribution(v, v.get(0), v.get(3), DA);
        assertThat(bars).extracting(SurveyResults.Bar::count).containsExactly(1L, 0L, 2L, 0L, 1L);
        assertThat(bars.get(0).label()).isEqualTo("0–20");
        List<BigDecimal> same = numbers("2.5", "2.5");
        assertThat(SurveyResults.distribution(same, same.get(0), same.get(1), DA))
                .extracting(SurveyResults.Bar::label, SurveyResults.Bar::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2,5", 2L));
    }

    @Test
    void theMeanAndSharesAreRoundedHalfUp() {
        assertThat(SurveyResults.mean(numbers("1", "2", "2"))).isEqualByComparingTo("1.67");
        assertThat(SurveyResults.mean(List.of())).isNull();
        assertThat(SurveyResults.percent(2, 3)).isEqualByComparingTo("66.7");
        assertThat(SurveyResults.percent(0, 0)).isEqualByComparingTo("0");
    }

    @Test
    void theBandsMeetWithoutGapsOrOverlaps() {
        assertThat(SurveyResults.PopulationBand.UNDER_20000.contains(19_999)).isTrue();
        assertThat(SurveyResults.PopulationBand.UNDER_20000.contains(20_000)).isFalse();
        assertThat(SurveyResults.PopulationBand.FROM_20000.contains(20_000)).isTrue();
        assertThat(SurveyResults.PopulationBand.FROM_20000.contains(49_999)).isTrue();
        assertThat(SurveyResults.PopulationBand.FROM_50000.contains(99_999)).isTrue();
        assertThat(SurveyResults.PopulationBand.FROM_100000.contains(100_000)).isTrue();
        assertThat(SurveyResults.PopulationBand.FROM_100000.contains(null)).isFalse();
        assertThat(SurveyResults.PopulationBand.of("nonsense")).isNull();
    }

    @Test
    void theFileNameKeepsDanishLettersAndDropsWhatAFileSystemRefuses() {
        assertThat(SurveyResultsController.fileName("Trivsel på Ærø: 2027/28")).isEqualTo("Trivsel på Ærø 2027 28");
        assertThat(SurveyResultsController.fileName("..\\..\\x")).isEqualTo("x");
        assertThat(SurveyResultsController.fileName(" \"?* ")).isEqualTo("survey");
    }
}
