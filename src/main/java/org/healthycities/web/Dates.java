package org.healthycities.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The one way dates and times are said, per language (da "4. dec. 2026", en "4 Dec 2026", sv "4 dec. 2026",
 * nb "4. des. 2026"; times as each language writes them), in the networks' time zone. Every page has it as
 * {@code dates} ({@code ${dates.date(d)}}, {@code ${dates.moment(instant)}}) in the reader's language; a mail or
 * a PDF gets {@link #in(Locale)} its reader's language; code calls the static forms.
 */
@Component
public class Dates {

    private final ZoneId zone;
    /** Null: the current request's language. */
    private final Locale locale;

    @Autowired
    Dates(@Value("${hc.time-zone:Europe/Copenhagen}") ZoneId zone) {
        this(zone, null);
    }

    private Dates(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
    }

    /** The same formatter for one reader's language, e.g. a mail's. */
    public Dates in(Locale locale) {
        return new Dates(zone, locale);
    }

    private Locale locale() {
        return locale != null ? locale : LocaleContextHolder.getLocale();
    }

    /** Every page has the formatter as "dates". */
    @ControllerAdvice
    static class Advice {
        private final Dates dates;

        Advice(Dates dates) {
            this.dates = dates;
        }

        @ModelAttribute("dates")
        Dates dates() {
            return dates;
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** A day, in the reader's language. */
    public String date(LocalDate day) {
        return date(day, locale());
    }

    /** The day of an instant, in the networks' zone. */
    public String date(Instant instant) {
        return instant == null ? "" : date(instant.atZone(zone).toLocalDate());
    }

    /** An instant as day and time, in the networks' zone. */
    public String moment(Instant instant) {
        return moment(instant, zone, locale());
    }

    /** A zoned time as day and time in its own zone. */
    public String moment(ZonedDateTime time) {
        return time == null ? "" : moment(time.toInstant(), time.getZone(), locale());
    }

    /** A wall-clock time already in the networks' zone. */
    public String moment(LocalDateTime time) {
        return time == null ? "" : moment(time.atZone(zone));
    }

    /** The time of day of an instant. */
    public String time(Instant instant) {
        return time(instant, zone, locale());
    }

    /** A period of days: one day, or first – last. */
    public String days(LocalDate first, LocalDate last) {
        if (first == null) {
            return "";
        }
        return last == null || last.equals(first) ? date(first) : date(first) + " – " + date(last);
    }

    public static String date(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(format(locale))
                .format(day);
    }

    public static String moment(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(format(locale)).format(instant.atZone(zone));
    }

    public static String time(Instant instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(format(locale))
                .format(instant.atZone(zone));
    }

    /** English as Europe writes it (4 Dec 2026, 16:23), not as the United States do. */
    private static Locale format(Locale locale) {
        return locale == null ? Locale.forLanguageTag("da")
                : locale.getLanguage().equals("en") ? Locale.forLanguageTag("en-GB") : locale;
    }
}
