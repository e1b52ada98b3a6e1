package org.healthycities.workshop;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Dates as the workshop pages and the summary show them, in the Nordic networks' time zone. */
@Component
class WorkshopDates {

    /** The three networks' zones agree on the wall clock; the pages' own formats until one formatter serves all. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d/M yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(ZONE));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(ZONE));
    }

    public String days(Workshop w) {
        if (w.getStartsOn() == null) {
            return "";
        }
        String start = DAY.format(w.getStartsOn());
        return w.getEndsOn() == null || w.getEndsOn().equals(w.getStartsOn()) ? start
                : start + " – " + DAY.format(w.getEndsOn());
    }

    /** Gives every page of this feature the formatter as "dates". */
    @ControllerAdvice(basePackageClasses = WorkshopDates.class)
    static class Advice {
        private final WorkshopDates dates;

        Advice(WorkshopDates dates) {
            this.dates = dates;
        }

        @ModelAttribute("dates")
        WorkshopDates dates() {
            return dates;
        }
    }
}
