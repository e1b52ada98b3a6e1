package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reminder rule for every answer window from 1 to 120 days and every start date of the calendar matrix. */
class ReminderScheduleTest {

    @ParameterizedTest
    @MethodSource("org.healthycities.support.CalendarMatrix#startDates")
    void eachReminderOnItsOwnDayAfterTheInvitationAndBeforeTheDeadline(LocalDate invited) {
        for (int window = 1; window <= 120; window++) {
            LocalDate deadline = invited.plusDays(window);
            ReminderSchedule s = new ReminderSchedule(invited, deadline);
            Optional<LocalDate> first = s.afterInvitation();
            Optional<LocalDate> second = s.beforeDeadline();
            String why = window + " days from " + invited;
            first.ifPresent(d -> assertThat(d).as(why).isAfter(invited).isBefore(deadline).isEqualTo(invited.plusDays(14)));
            second.ifPresent(d -> assertThat(d).as(why).isAfter(invited).isBefore(deadline).isEqualTo(deadline.minusDays(7)));
            if (first.isPresent() && second.isPresent()) {
                assertThat(first.get()).as(why).isBefore(second.get());
            }
            assertThat(first.isPresent()).as("first reminder with %s", why).isEqualTo(window >= 22);
            assertThat(second.isPresent()).as("second reminder with %s", why).isEqualTo(window >= 8);
            assertThat(s.followUp()).as(why).isEqualTo(deadline.plusDays(1));
        }
    }

    @Test
    void aWaitAfterTheDeadlineHasNoReminders() {
        ReminderSchedule sentBackLate = new ReminderSchedule(LocalDate.of(2031, 3, 20), LocalDate.of(2031, 3, 1));
        assertThat(sentBackLate.afterInvitation()).isEmpty();
        assertThat(sentBackLate.beforeDeadline()).isEmpty();
        assertThat(sentBackLate.followUp()).isEqualTo(LocalDate.of(2031, 3, 2));
    }
}
