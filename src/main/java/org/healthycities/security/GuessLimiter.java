package org.healthycities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits guessing of private links: a client address that got {@code max-failures} "not found" answers on
 * private-link paths within {@code window} (counted from its first miss) is answered 429 (the friendly error
 * page, with Retry-After) on those paths until the window has passed. Only failures count, so people behind one
 * address who use their own links are never blocked. The client address is the request's remote address,
 * which Spring Boot sets from X-Forwarded-For only when {@code server.forward-headers-strategy} says the
 * application sits behind a proxy (see README), so the header cannot be forged to escape the limit. Counted in
 * the database, one row per address, so all nodes share the count; a request on a guarded path costs one
 * primary-key lookup.
 */
@Component
class GuessLimiter implements HandlerInterceptor {

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<String> paths;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    GuessLimiter(@Value("${hc.security.guess-limit.paths:/application/**,/evaluation/**,/bank/*/s/**,/join/s/**,/apply/received/**,/forms/sample/t/**,/login/password/**}") List<String> paths,
                 @Value("${hc.security.guess-limit.max-failures:30}") int maxFailures,
                 @Value("${hc.security.guess-limit.window:PT10M}") Duration window, Clock clock, JdbcTemplate jdbc) {
        this.paths = List.copyOf(paths);
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!guarded(request) || !blocked(request.getRemoteAddr())) {
            return true;
        }
        response.setHeader("Retry-After", String.valueOf(window.toSeconds()));
        response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        return false;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (response.getStatus() == HttpStatus.NOT_FOUND.value() && guarded(request)) {
            failed(request.getRemoteAddr());
        }
    }

    boolean guarded(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return paths.stream().anyMatch(p -> matcher.match(p, path));
    }

    boolean blocked(String address) {
        Instant now = clock.instant();
        List<Integer> failures = jdbc.queryForList("SELECT failures FROM guess_limit WHERE address = ?"
                + " AND window_start > ? AND window_start <= ?", Integer.class, key(address),
                Timestamp.from(now.minus(window)), Timestamp.from(now));
        return !failures.isEmpty() && failures.get(0) >= maxFailures;
    }

    void failed(String address) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp ended = Timestamp.from(clock.instant().minus(window));
        // one statement, so that misses counted at once on two nodes both count; an ended window (or one that
        // starts after now, when a clock was set back) starts again
        jdbc.update("INSERT INTO guess_limit (address, failures, window_start) VALUES (?, 1, ?) ON DUPLICATE KEY UPDATE"
                + " failures = IF(window_start <= ? OR window_start > ?, 1, failures + 1),"
                + " window_start = IF(window_start <= ? OR window_start > ?, ?, window_start)",
                key(address), now, ended, now, ended, now, now);
    }

    private static String key(String address) {
        String a = address == null ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
