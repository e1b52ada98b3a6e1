package org.healthycities.staff.internal;

import org.healthycities.security.Tokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The owner's way out of a lock: when a user's logins are locked, a one-time link (an hour, single use, only its
 * SHA-256 stored) is mailed to the user's own address; it ends the lock at once. Nothing is mailed for an unknown
 * user or one without an address, and the login page says the same either way.
 */
@Component
class UnlockLinks {

    static final Duration VALID = Duration.ofHours(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdentityService identity;
    private final StaffMail mail;
    private final StaffAccounts accounts;

    UnlockLinks(JdbcTemplate jdbc, Clock clock, IdentityService identity, StaffMail mail, StaffAccounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.identity = identity;
        this.mail = mail;
        this.accounts = accounts;
    }

    /** Mails the user a link that ends the lock, if the user exists, is active and has an address. */
    void offer(String username, Instant lockedUntil) {
        User user = username == null ? null : identity.createUserQuery().userId(username.strip()).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank() || !accounts.active(user.getId())) {
            return;
        }
        String token = Tokens.create();
        Instant now = clock.instant();
        jdbc.update("INSERT INTO login_unlock (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
                Tokens.hash(token), user.getId(), Timestamp.from(now.plus(VALID)), Timestamp.from(now));
        mail.send(user, "staff/mail/unlock", "/login/unlock/" + token,
                Map.of("until", StaffMail.time(lockedUntil, mail.homeNetwork(user.getId()))),
                "staff:unlock:" + user.getId() + ":" + lockedUntil.toEpochMilli());
    }

    /** Uses a link once: the user whose lock it ends, if it is valid. */
    Optional<String> use(String token) {
        if (!Tokens.plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String> users = jdbc.queryForList("SELECT user_id FROM login_unlock WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?", String.class, Tokens.hash(token), Timestamp.from(now));
        if (users.isEmpty() || jdbc.update("UPDATE login_unlock SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Timestamp.from(now), Tokens.hash(token)) != 1) {
            return Optional.empty();
        }
        return Optional.of(users.get(0));
    }

    /** Whether a link would still open (to show the button, without using it). */
    boolean valid(String token) {
        return Tokens.plausible(token)
                && jdbc.queryForObject("SELECT COUNT(*) FROM login_unlock WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?", Integer.class, Tokens.hash(token), Timestamp.from(clock.instant())) > 0;
    }
}
