package org.healthycities.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many "forgot password" requests an address may send, and how many reset mails one user gets, per hour:
 * counted in the login throttle's table (keys {@code reset-address:} and {@code reset-user:}), so all nodes share
 * the count. A flood from one address is refused; a flood aimed at one user fills nobody's mailbox.
 */
@Component
class ResetLimit {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perAddress;
    private final int perUser;
    private final Duration window;

    ResetLimit(JdbcTemplate jdbc, Clock clock,
               @Value("${hc.security.reset.per-address:10}") int perAddress,
               @Value("${hc.security.reset.per-user:3}") int perUser,
               @Value("${hc.security.reset.window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perUser = perUser;
        this.window = window;
    }

    /** Counts a request from the address; false when it is one too many. */
    boolean addressMay(String address) {
        return count("reset-address:" + (address == null ? "unknown" : address)) <= perAddress;
    }

    /** Counts a reset mail for the user; false when it is one too many. */
    boolean userMay(String userId) {
        return count("reset-user:" + userId.toLowerCase(Locale.ROOT)) <= perUser;
    }

    private int count(String key) {
        String k = key.length() > 200 ? key.substring(0, 200) : key;
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp ended = Timestamp.from(now.minus(window));
        // one statement, as in the login throttle: two nodes counting at once both count; an old count starts again
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)"
                + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ? OR last_failure_at > ?, 1, failures + 1),"
                + " last_failure_at = IF(last_failure_at < ? OR last_failure_at > ?, ?, last_failure_at)",
                k, at, ended, at, ended, at, at);
        return jdbc.queryForObject("SELECT failures FROM login_throttle WHERE throttle_key = ?", Integer.class, k);
    }
}
