package org.healthycities.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form sent without its CSRF token (or with one from an ended session) is refused with 403 like any other
 * refusal, but marked ({@link ErrorReason#CSRF}), so the error page can say what helps (reload the page and send
 * again) and tests can tell a CSRF refusal from any other 403.
 */
final class CsrfRefusal implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof CsrfException) {
            ErrorReason.set(request, ErrorReason.CSRF);
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
