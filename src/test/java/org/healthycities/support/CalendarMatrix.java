package org.healthycities.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.stream.Stream;

/**
 * The start dates every process is proven on: early December, a window over New Year, New Year's Eve, 1 February
 * (the default round date), 29 February of a leap year, the days summer time starts and ends (last Sunday of March
 * and of October) and midsummer. Fixed years, so the result never depends on the day the suite runs.
 */
public final class CalendarMatrix {

    private CalendarMatrix() {
    }

    public static Stream<LocalDate> startDates() {
        return Stream.of(
                LocalDate.of(2030, 12, 4),
                LocalDate.of(2030, 12, 20),
                LocalDate.of(2030, 12, 31),
                LocalDate.of(2031, 2, 1),
                LocalDate.of(2032, 2, 29),
                LocalDate.of(2031, 3, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)),
                LocalDate.of(2031, 10, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)),
                LocalDate.of(2031, 7, 1));
    }
}
