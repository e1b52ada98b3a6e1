package org.healthycities.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.springframework.beans.factory.annotation.Value;
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
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final IdentityService identity;
    private final NetworkDirectory networks;
    private final Mailer mailer;
    private final String baseUrl;

    UnlockLinks(JdbcTemplate jdbc, Clock clock, IdentityService identity, NetworkDirectory networks, Mailer mailer,
                @Value("${hc.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.identity = identity;
        this.networks = networks;
        this.mailer = mailer;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Mails the user a link that ends the lock, if the user exists and has an address. */
    void offer(String username, Instant lockedUntil) {
        User user = username == null ? null : identity.createUserQuery().userId(username.strip()).singleResult();
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO login_unlock (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
                hash(token), user.getId(), Timestamp.from(now.plus(VALID)), Timestamp.from(now));
        Network network = homeNetwork(user.getId());
        Locale locale = network.getLocale();
        String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale)
                .format(lockedUntil.atZone(network.getZone()));
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        mailer.send(OutgoingMail.to(user.getEmail(), locale, "staff/mail/unlock", network.getId())
                .withName(name.isEmpty() ? user.getId() : name)
                .with("until", until)
                .with("link", baseUrl + "/login/unlock/" + token)
                .withDedupKey("staff:unlock:" + user.getId() + ":" + lockedUntil.toEpochMilli()));
    }

    /** Uses a link once: the user whose lock it ends, if it is valid. */
    Optional<String> use(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String> users = jdbc.queryForList("SELECT user_id FROM login_unlock WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?", String.class, hash(token), Timestamp.from(now));
        if (users.isEmpty() || jdbc.update("UPDATE login_unlock SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                Timestamp.from(now), hash(token)) != 1) {
            return Optional.empty();
        }
        return Optional.of(users.get(0));
    }

    /** Whether a link would still open (to show the button, without using it). */
    boolean valid(String token) {
        return token != null && token.length() >= 20 && token.length() <= 100
                && jdbc.queryForObject("SELECT COUNT(*) FROM login_unlock WHERE token_hash = ? AND used_at IS NULL"
                + " AND expires_at > ?", Integer.class, hash(token), Timestamp.from(clock.instant())) > 0;
    }

    /** The network the user's mail comes from: the first of the user's networks, else the first network. */
    private Network homeNetwork(String userId) {
        return identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                .map(Tenant::getId).sorted().map(networks::network).flatMap(Optional::stream).findFirst()
                .orElseGet(() -> networks.networks().get(0));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
