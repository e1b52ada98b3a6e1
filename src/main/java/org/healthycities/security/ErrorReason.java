package org.healthycities.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Why a request was refused before any page handled it, for the error page to say what helps and for tests to
 * tell one refusal from another with the same status: a request attribute holding a short reason.
 */
public final class ErrorReason {

    public static final String ATTRIBUTE = "hc.error.reason";
    /** The CSRF check refused the form (403). */
    public static final String CSRF = "csrf";
    /** A multipart request broke off halfway (400). */
    public static final String BROKEN_UPLOAD = "upload";

    private ErrorReason() {
    }

    public static void set(HttpServletRequest request, String reason) {
        request.setAttribute(ATTRIBUTE, reason);
    }
}
