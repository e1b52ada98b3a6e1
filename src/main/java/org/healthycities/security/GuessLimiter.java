package org.healthycities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits guessing of private links: a client address that got more than {@code max-failures} "not found"
 * answers on private-link paths within {@code window} is answered 429 (the friendly error page, with
 * Retry-After) on those paths until the window has passed. Only failures count, so people behind one
 * address who use their own links are never blocked. The client address is the request's remote address,
 * which Spring Boot sets from X-Forwarded-For only when {@code server.forward-headers-strategy} says the
 * application sits behind a proxy (see README), so the header cannot be forged to escape the limit.
 * Counted per node, in memory: with n nodes a guesser gets at most n times the limit, which is still
 * nothing against 192-bit tokens; join codes have their own count in the database (workshop JoinGuard).
 */
@Component
class GuessLimiter implements HandlerInterceptor {

    /**
     * At most this many addresses are remembered: when full, addresses whose failures have run out are dropped;
     * if it is still full (a flood of addresses), every count starts over rather than memory running out.
     */
    private static final int MAX_ADDRESSES = 100_000;

    private final AntPathMatcher matcher = new AntPathMatcher();
    private final List<String> paths;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    GuessLimiter(@Value("${hc.security.guess-limit.paths:/application/**,/evaluation/**,/join/s/**,/apply/received/**,/forms/sample/t/**}") List<String> paths,
                 @Value("${hc.security.guess-limit.max-failures:30}") int maxFailures,
                 @Value("${hc.security.guess-limit.window:PT10M}") Duration window, Clock clock) {
        this.paths = List.copyOf(paths);
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
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
        Deque<Long> times = failures.get(key(address));
        if (times == null) {
            return false;
        }
        synchronized (times) {
            prune(times);
            return times.size() >= maxFailures;
        }
    }

    void failed(String address) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue());
                    return e.getValue().isEmpty();
                }
            });
            if (failures.size() >= MAX_ADDRESSES) {
                failures.clear(); // a flood of addresses: start over rather than run out of memory
            }
        }
        Deque<Long> times = failures.computeIfAbsent(key(address), a -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            if (times.size() < maxFailures) {
                times.addLast(clock.millis());
            }
        }
    }

    private void prune(Deque<Long> times) {
        long oldest = clock.millis() - window.toMillis();
        while (!times.isEmpty() && times.peekFirst() <= oldest) {
            times.pollFirst();
        }
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
