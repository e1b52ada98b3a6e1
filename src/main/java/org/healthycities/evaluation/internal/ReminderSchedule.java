package org.healthycities.evaluation.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * When a member is reminded, counted in the network's days from the day the waiting starts (the invitation, or
 * the day an answer was sent back) to the member's deadline. Each reminder comes on its own day and before the
 * deadline, or not at all: the first 14 days after the invitation only if that day is before the second, the
 * second 7 days before the deadline only if that day is after the invitation. So with 22 days or more both come,
 * with 8 to 21 days only the second, with 7 days or fewer none. The secretariat's follow-up starts the day after
 * the deadline.
 */
record ReminderSchedule(LocalDate waitingFrom, LocalDate deadline) {

    static final int FIRST_AFTER_DAYS = 14;
    static final int SECOND_BEFORE_DAYS = 7;
    /** Reminders go out in the morning of the network's day, not at midnight. */
    static final LocalTime REMINDER_TIME = LocalTime.of(8, 0);

    Optional<LocalDate> beforeDeadline() {
        LocalDate day = deadline.minusDays(SECOND_BEFORE_DAYS);
        return day.isAfter(waitingFrom) ? Optional.of(day) : Optional.empty();
    }

    Optional<LocalDate> afterInvitation() {
        LocalDate day = waitingFrom.plusDays(FIRST_AFTER_DAYS);
        LocalDate mustBeBefore = beforeDeadline().orElse(deadline);
        return day.isBefore(mustBeBefore) ? Optional.of(day) : Optional.empty();
    }

    /** The first day the member is late: the secretariat's follow-up starts at its beginning. */
    LocalDate followUp() {
        return deadline.plusDays(1);
    }
}
