package org.healthycities.workshop.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits wrong join codes per client address (default 10 in 10 minutes), counted in the database so all
 * application nodes share the count. Only wrong codes count: a whole venue behind one address joins
 * freely as long as people type their code right.
 */
@Component
class JoinGuard {

    private final JdbcTemplate jdbc;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;

    JoinGuard(JdbcTemplate jdbc, @Value("${hc.workshop.join.max-failures:10}") int maxFailures,
              @Value("${hc.workshop.join.window:PT10M}") Duration window, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    @Transactional(readOnly = true)
    public boolean blocked(String address) {
        Integer failures = jdbc.queryForObject(
                "SELECT COUNT(*) FROM workshop_join_failure WHERE address = ? AND failed_at > ?", Integer.class,
                key(address), Timestamp.from(clock.instant().minus(window)));
        return failures != null && failures >= maxFailures;
    }

    /** Kept even when the page's own transaction rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(String address) {
        Instant now = clock.instant();
        jdbc.update("DELETE FROM workshop_join_failure WHERE failed_at < ?", Timestamp.from(now.minus(window)));
        jdbc.update("INSERT INTO workshop_join_failure (address, failed_at) VALUES (?, ?)", key(address),
                Timestamp.from(now));
    }

    private static String key(String address) {
        String a = address == null ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
