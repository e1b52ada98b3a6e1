package org.healthycities.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@link LoginGuard} in front of the Camunda webapps' own login ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}), which checks the password with the identity service
 * itself: a locked user or address gets 429 without a check, a closed account 401 (as a wrong password), and the
 * webapps' answer is counted.
 */
class WebappLoginGuardFilter extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final LoginGuard guard;
    private final AccountStatus accounts;
    private final Clock clock;

    WebappLoginGuardFilter(LoginGuard guard, AccountStatus accounts, Clock clock) {
        this.guard = guard;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = request.getParameter("username");
        String address = request.getRemoteAddr();
        Optional<Instant> locked = guard.lockedUntil(username, address);
        if (locked.isPresent()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.get()).toSeconds());
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.sendError(429);
            return;
        }
        if (!accounts.active(username)) {
            guard.failed(username, address); // as the webapps answer a wrong password
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        chain.doFilter(request, response);
        // 401 is a wrong password; 403 a right one without access to the app (or a missing CSRF token)
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            guard.failed(username, address);
        } else if (status < 300) {
            guard.succeeded(username, address);
            // the session is found under the user's name, as our pages' are, so ending a user's sessions ends this too
            HttpSession session = request.getSession(false);
            if (session != null && username != null) {
                session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, username);
            }
        }
    }
}
