package org.healthycities.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: it reads the engine's clock, so a test that sets the time moves the engine's
 * timers, the job executor, our pages and every stored timestamp together. The suite's own time starts at a fixed
 * moment ({@link #SUITE_STARTS}) when the JVM does and runs on from there, so no test depends on the day the suite
 * runs (a seeded strategy that ends in 2030, a deadline near New Year). A test sets its own time with {@link #set}
 * or {@link #startAt}; {@link IntegrationTest} puts the suite's time back after every test method (this class is
 * also that JUnit extension), so no test sees another's time, whatever the order. Camunda's clock is an engine
 * internal; only tests touch it.
 */
@Component
@Primary
public class TestClock extends Clock implements AfterEachCallback {

    /** The Danish network's zone, in which the tests' dates are meant unless they say otherwise. */
    public static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

    /** The suite's time when the JVM starts: an ordinary working morning in Copenhagen. */
    public static final LocalDateTime SUITE_STARTS = LocalDateTime.of(2026, 12, 4, 9, 0);

    /** The suite's time runs on from {@link #SUITE_STARTS}: one offset for the whole JVM, so it never goes back. */
    private static final long SUITE_OFFSET =
            SUITE_STARTS.atZone(COPENHAGEN).toInstant().toEpochMilli() - System.currentTimeMillis();

    static {
        reset();
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Stops the time at this instant, for the engine and the application alike. */
    public static void set(Instant time) {
        ClockUtil.setCurrentTime(Date.from(time));
    }

    /** Stops the time at this wall-clock time in Copenhagen. */
    public static void set(LocalDateTime copenhagenTime) {
        set(copenhagenTime.atZone(COPENHAGEN).toInstant());
    }

    /** Lets the time run on from this wall-clock time in Copenhagen, for tests that wait for time to pass (lock expiry). */
    public static void startAt(LocalDateTime copenhagenTime) {
        ClockUtil.offset(copenhagenTime.atZone(COPENHAGEN).toInstant().toEpochMilli() - System.currentTimeMillis());
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The suite's running time again. */
    public static void reset() {
        ClockUtil.offset(SUITE_OFFSET);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }
}
