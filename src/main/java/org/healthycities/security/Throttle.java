package org.healthycities.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts requests per key within a window in the login throttle's table, so all nodes share the count: "forgot
 * password" per address and per user, the knowledge bank's sign-in links per address and per mailbox. A flood
 * from one address is refused; a flood aimed at one mailbox fills nobody's inbox.
 */
@Component
public class Throttle {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Throttle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one more request for the key; false when it is more than {@code max} within the window. */
    public boolean may(String key, int max, Duration window) {
        String k = key.length() > 200 ? key.substring(0, 200) : key;
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp ended = Timestamp.from(now.minus(window));
        // one statement, as in the login throttle: two nodes counting at once both count; an old count starts again
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)"
                + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ? OR last_failure_at > ?, 1, failures + 1),"
                + " last_failure_at = IF(last_failure_at < ? OR last_failure_at > ?, ?, last_failure_at)",
                k, at, ended, at, ended, at, at);
        Integer count = jdbc.queryForObject("SELECT failures FROM login_throttle WHERE throttle_key = ?", Integer.class, k);
        return count != null && count <= max;
    }
}
