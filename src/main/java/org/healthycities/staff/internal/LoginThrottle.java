package org.healthycities.staff.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.healthycities.security.LoginGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted in the database (shared by the nodes) per user and per client address. The first
 * {@code user-free} failures of a user (and {@code address-free} of an address) cost nothing; each one after
 * that locks the key for twice as long as the one before, from {@code first-lock} up to {@code max-lock}, and
 * an hour without failures forgets them. While a key is locked no password is checked and nothing is counted, so
 * a guesser gets a handful of tries an hour and never locks the owner out for good: a lock ends by itself, and
 * the owner can end it at once with the link mailed when it starts ({@link UnlockLinks}).
 */
@Component
class LoginThrottle implements LoginGuard {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final UnlockLinks unlock;
    private final int userFree;
    private final int addressFree;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Duration forgetAfter;

    LoginThrottle(JdbcTemplate jdbc, Clock clock, UnlockLinks unlock,
                  @Value("${hc.security.login.user-free:5}") int userFree,
                  @Value("${hc.security.login.address-free:20}") int addressFree,
                  @Value("${hc.security.login.first-lock:PT1M}") Duration firstLock,
                  @Value("${hc.security.login.max-lock:PT15M}") Duration maxLock,
                  @Value("${hc.security.login.forget-after:PT1H}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unlock = unlock;
        this.userFree = userFree;
        this.addressFree = addressFree;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.forgetAfter = forgetAfter;
    }

    @Override
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        List<Instant> locks = jdbc.queryForList("SELECT locked_until FROM login_throttle WHERE throttle_key IN (?, ?)"
                + " AND locked_until IS NOT NULL", Timestamp.class, userKey(username), addressKey(address))
                .stream().map(Timestamp::toInstant).toList();
        return locks.stream().filter(until -> until.isAfter(now)).max(Comparator.naturalOrder());
    }

    @Override
    public void failed(String username, String address) {
        Instant now = clock.instant();
        count(addressKey(address), addressFree, now);
        count(userKey(username), userFree, now).ifPresent(until -> unlock.offer(username, until));
    }

    @Override
    public void succeeded(String username, String address) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", userKey(username));
    }

    /** Ends the user's lock and count (the owner's mailed link); an address's lock stays. */
    void release(String username) {
        jdbc.update("DELETE FROM login_throttle WHERE throttle_key = ?", userKey(username));
    }

    /** Counts a failure; when it locks the key, returns until when. */
    private Optional<Instant> count(String key, int free, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp forgotten = Timestamp.from(now.minus(forgetAfter));
        // one statement, so two nodes counting at once both count; an old count starts again at 1
        jdbc.update("INSERT INTO login_throttle (throttle_key, failures, last_failure_at) VALUES (?, 1, ?)"
                + " ON DUPLICATE KEY UPDATE failures = IF(last_failure_at < ?, 1, failures + 1),"
                + " locked_until = IF(last_failure_at < ?, NULL, locked_until), last_failure_at = ?",
                key, at, forgotten, forgotten, at);
        int failures = jdbc.queryForObject("SELECT failures FROM login_throttle WHERE throttle_key = ?", Integer.class, key);
        if (failures < free) {
            return Optional.empty();
        }
        Duration lock = lockFor(failures - free);
        Instant until = now.plus(lock);
        jdbc.update("UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ?", Timestamp.from(until), key);
        return Optional.of(until);
    }

    /** first-lock, doubled for each further failure, at most max-lock. */
    Duration lockFor(int beyondFree) {
        Duration lock = firstLock;
        for (int i = 0; i < beyondFree && lock.compareTo(maxLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private static String userKey(String username) {
        return "user:" + cut(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + cut(address == null ? "unknown" : address);
    }

    private static String cut(String s) {
        return s.length() > 180 ? s.substring(0, 180) : s;
    }
}
