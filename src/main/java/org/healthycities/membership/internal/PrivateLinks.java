package org.healthycities.membership.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The applicant's private links: a random token in the mail, only its SHA-256 in the database, valid for a
 * while. A link opens exactly one application.
 */
@Component
class PrivateLinks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final ApplicationLinkRepository links;
    private final Duration validity;
    private final Clock clock;

    PrivateLinks(ApplicationLinkRepository links,
                 @Value("${hc.membership.link-validity:P180D}") Duration validity, Clock clock) {
        this.clock = clock;
        this.links = links;
        this.validity = validity;
    }

    /** A new link to the application; returns the token, which is never stored. */
    String issue(Application application) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = now();
        links.save(new ApplicationLink(application.getId(), hash(token), now, now.plus(validity)));
        return token;
    }

    /** The application id a token opens, if the token is one we issued and it has not expired. */
    Optional<Long> applicationId(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return links.findValid(hash(token), now()).map(l -> l.applicationId);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
