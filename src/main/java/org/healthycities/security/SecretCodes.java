package org.healthycities.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256) for short codes people type, such as workshop join codes. A six-character
 * code has only 30 bits: its plain SHA-256 in a stolen database backup would be reversed in seconds, its
 * HMAC not without the key. The key comes from {@code hc.security.code-secret} (at least 32 characters) or,
 * when that is empty, is generated once and kept in the database table {@code security_secret}, shared by
 * all nodes; it is never in the repository.
 */
@Component
public class SecretCodes {

    static final String NAME = "join-code-hmac";

    private final JdbcTemplate jdbc;
    private final String configured;
    private final Clock clock;
    private volatile SecretKeySpec key;

    SecretCodes(JdbcTemplate jdbc, @Value("${hc.security.code-secret:}") String configured, Clock clock) {
        this.jdbc = jdbc;
        this.configured = configured;
        this.clock = clock;
        if (!configured.isEmpty() && configured.length() < 32) {
            throw new IllegalStateException("hc.security.code-secret must have at least 32 characters");
        }
    }

    /**
     * The key is read or made at start, outside any request's transaction: a first code typed on a fresh database
     * must not insert it in a read-only or rolled-back transaction (a key cached but never stored would make this
     * node's codes match nowhere else). Started comes before Ready, so the nodes' start-up lock is still held.
     */
    @EventListener(ApplicationStartedEvent.class)
    void loadKey() {
        key();
    }

    /** The code's keyed hash, 64 hex characters. */
    public String hash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            byte[] bytes = configured.isEmpty() ? Base64.getDecoder().decode(stored())
                    : configured.getBytes(StandardCharsets.UTF_8);
            k = new SecretKeySpec(bytes, "HmacSHA256");
            key = k;
        }
        return k;
    }

    /** The database's key, made by the first node that needs it (a second node's insert is ignored). */
    private String stored() {
        List<String> found = read();
        if (found.isEmpty()) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            jdbc.update("INSERT IGNORE INTO security_secret (name, value, created_at) VALUES (?, ?, ?)", NAME,
                    Base64.getEncoder().encodeToString(bytes), Timestamp.from(clock.instant()));
            found = read();
        }
        return found.get(0);
    }

    private List<String> read() {
        return jdbc.queryForList("SELECT value FROM security_secret WHERE name = ?", String.class, NAME);
    }
}
