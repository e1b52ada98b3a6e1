package org.healthycities.support;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A valid CSRF token for a MockMvc request, sent as a browser sends it: the token's cookie and the page's
 * masked copy in the form. Spring Security's own {@code csrf()} post-processor would instead swap the
 * application's token repository for a session-based one, for the real server too, for the rest of the JVM.
 */
public final class Csrf {

    public static final String COOKIE = "HC-CSRF";

    private Csrf() {
    }

    public static RequestPostProcessor csrf() {
        return request -> {
            String raw = UUID.randomUUID().toString();
            MockHttpServletRequest page = new MockHttpServletRequest();
            new XorCsrfTokenRequestAttributeHandler().handle(page, new MockHttpServletResponse(),
                    () -> new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", raw));
            CsrfToken masked = (CsrfToken) page.getAttribute(CsrfToken.class.getName());
            Cookie[] before = request.getCookies() == null ? new Cookie[0] : request.getCookies();
            request.setCookies(Stream.concat(Arrays.stream(before).filter(c -> !c.getName().equals(COOKIE)),
                    Stream.of(new Cookie(COOKIE, raw))).toArray(Cookie[]::new));
            request.setParameter("_csrf", masked.getToken());
            return request;
        };
    }
}
