package org.healthycities.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address people reach the application at, for links in mails, on the projector page and in QR codes.
 * {@code HC_BASE_URL} when set. On a trial without it: the address a signed-in staff member's browser used
 * (never an anonymous request, whose Host header anyone can forge), until then {@value #FALLBACK}; the admin
 * is warned on every page until the address is set.
 */
@Component
public class PublicAddress {

    static final String FALLBACK = "http://localhost:8080";

    private final String configured;
    private final AtomicReference<String> learned = new AtomicReference<>();

    public PublicAddress(@Value("${hc.base-url:}") String configured) {
        this.configured = withoutSlash(configured == null ? "" : configured.trim());
    }

    /** Without a trailing slash: callers append paths. */
    public String url() {
        return isSet() ? configured : Optional.ofNullable(learned.get()).orElse(FALLBACK);
    }

    public boolean isSet() {
        return !configured.isEmpty();
    }

    /** Called for requests of signed-in staff only. */
    void learnFrom(HttpServletRequest request) {
        if (isSet()) {
            return;
        }
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean usual = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        learned.set(scheme + "://" + request.getServerName() + (usual ? "" : ":" + port) + request.getContextPath());
    }

    private static String withoutSlash(String url) {
        return url.replaceAll("/+$", "");
    }
}
