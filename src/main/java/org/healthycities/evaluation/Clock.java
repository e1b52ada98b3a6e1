package org.healthycities.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that tests moving it move deadlines, reminders and the yearly start together. */
final class Clock {

    private Clock() {
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneId.systemDefault());
    }

    /** The start of a day in the server's zone, for a timer. */
    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
