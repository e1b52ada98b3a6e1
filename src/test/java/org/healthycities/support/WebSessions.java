package org.healthycities.support;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Web sessions live in the database (Spring Session JDBC), so MockMvc's {@code session(...)} and
 * {@code sessionAttrs(...)} never reach a controller: the session is found by its cookie. This stores a
 * session with the given attributes and returns the cookie a browser would send for it.
 */
public final class WebSessions {

    private WebSessions() {
    }

    public static <S extends Session> Cookie withAttributes(SessionRepository<S> sessions, Map<String, Object> attributes) {
        S session = sessions.createSession();
        attributes.forEach(session::setAttribute);
        sessions.save(session);
        // Spring Session's cookie carries the id Base64-encoded
        return new Cookie("JSESSIONID", Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8)));
    }
}
