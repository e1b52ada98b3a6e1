package org.healthycities.forms;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Private links to come back to a submission without an account: a random token goes into the URL, only its
 * SHA-256 is stored, so a copy of the database opens no draft.
 */
@Service
public class SubmissionLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubmissionLinks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the submission (URL-safe, 256 bits). */
    public String issue(long submissionId) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.update("INSERT INTO form_link (token_hash, submission_id, created_at) VALUES (?, ?, ?)",
                hash(token), submissionId, Timestamp.from(clock.instant()));
        return token;
    }

    /** The submission a token opens, if any. */
    public Optional<Long> resolve(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT submission_id FROM form_link WHERE token_hash = ?", (rs, i) -> rs.getLong(1),
                hash(token)).stream().findFirst();
    }

    static String hash(String token) {
        return FormParser.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
