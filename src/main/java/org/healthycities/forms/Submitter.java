package org.healthycities.forms;

import jakarta.servlet.http.HttpServletRequest;

/** Who filled in a form and from where; never stored for an anonymous form. Any part may be null. */
public record Submitter(String personId, String email, String ipAddress, String userAgent) {

    public static final Submitter NOBODY = new Submitter(null, null, null, null);

    /** The person (if known) and the request's address and browser. */
    public static Submitter of(String personId, String email, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return new Submitter(personId, email, request.getRemoteAddr(),
                agent == null ? null : agent.substring(0, Math.min(agent.length(), 500)));
    }
}
