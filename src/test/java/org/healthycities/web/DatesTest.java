package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One formatter per language, in the networks' zone. */
class DatesTest {

    static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    static final Instant AFTERNOON = Instant.parse("2026-12-04T15:23:00Z"); // 16:23 in Copenhagen

    @Test
    void aDayInEachLanguage() {
        LocalDate day = LocalDate.of(2026, 12, 4);
        assertThat(Dates.date(day, Locale.forLanguageTag("da"))).isEqualTo("4. dec. 2026");
        assertThat(Dates.date(day, Locale.forLanguageTag("en"))).isEqualTo("4 Dec 2026");
        assertThat(Dates.date(day, Locale.forLanguageTag("sv"))).isEqualTo("4 dec. 2026");
        assertThat(Dates.date(day, Locale.forLanguageTag("nb"))).isEqualTo("4. des. 2026");
    }

    @Test
    void aMomentIsTheNetworksWallClockNotUtc() {
        assertThat(Dates.moment(AFTERNOON, COPENHAGEN, Locale.forLanguageTag("da"))).isEqualTo("4. dec. 2026 16.23");
        assertThat(Dates.moment(AFTERNOON, COPENHAGEN, Locale.forLanguageTag("en"))).isEqualTo("4 Dec 2026, 16:23");
        assertThat(Dates.time(AFTERNOON, ZoneId.of("Europe/Oslo"), Locale.forLanguageTag("nb"))).isEqualTo("16:23");
        assertThat(new Dates(COPENHAGEN).days(LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 15)))
                .contains(" – ");
    }
}
