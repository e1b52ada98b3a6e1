package org.healthycities.evaluation.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coordinators' private links. Only the SHA-256 of a token is stored, so the database alone opens no
 * evaluation; a token opens exactly one member's evaluation of one round, until it expires.
 */
@Component
class EvaluationLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EvaluationLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the evaluation (earlier ones keep working), to put in a mail; never stored as is. */
    String issue(long evaluationId, Instant expiresAt) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO evaluation_link (evaluation_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?)",
                evaluationId, hash(token), Timestamp.from(expiresAt), Timestamp.from(clock.instant()));
        return token;
    }

    /** The evaluation a token opens, if the token is known and not expired. */
    Optional<Long> evaluationOf(String token, Instant now) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.queryForList(
                "SELECT evaluation_id FROM evaluation_link WHERE token_hash = ? AND expires_at > ?", Long.class,
                hash(token), Timestamp.from(now));
        return ids.stream().findFirst();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
