package org.healthycities.staff.internal;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The ways in the staff tests knock on: Cockpit's own login over real HTTP, and a client address of its own. */
final class WebappLogin {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private WebappLogin() {
    }

    /** Cockpit's login form as the webapp posts it, with the XSRF token its cookie holds. */
    static HttpResponse<String> cockpit(HttpClient http, CookieManager cookies, String base, String username,
                                        String password) throws Exception {
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A client address no other request of the JVM uses, so per-address limits start from nothing. */
    static RequestPostProcessor newAddress() {
        String address = nextAddress();
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    /** The next address of the test's own range. */
    static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "10.88." + (n / 250 % 250) + "." + (n % 250 + 1);
    }
}
