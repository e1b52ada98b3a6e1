package org.healthycities.workshop;

import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time the deadline is judged by: the engine's clock, so a process test that moves the engine's
 * clock past the deadline sees the pages refuse late answers too.
 */
final class WorkshopClock {

    /** The networks' time zone (Denmark, Sweden and Norway share it); deadlines are typed in it. */
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private WorkshopClock() {
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
