package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Web sessions are kept in the database (Spring Session JDBC), so any node of a cluster can serve a login
 * and a restart loses none: a login is a row in SPRING_SESSION under the user's id, the session id changes
 * at login, logout deletes the row and the old cookie no longer opens a page. Real HTTP, real cookies.
 */
@IntegrationTest
class SessionStoreIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aLoginIsARowInTheDatabaseUnderTheUsersIdAndLogoutRemovesIt() throws Exception {
        String user = TestUsers.create(identity, "sess", CurrentUser.SECRETARIAT, "sund-by");
        HttpResponse<String> form = send("/login", null, null);
        String anonymous = cookie(form);
        String csrf = csrf(form.body());
        assertThat(anonymous).isNotNull();

        HttpResponse<String> login = send("/login", anonymous, "username=" + enc(user) + "&password="
                + enc(TestUsers.PASSWORD) + "&_csrf=" + enc(csrf));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
        String session = cookie(login);
        assertThat(session).as("a new session id at login").isNotNull().isNotEqualTo(anonymous);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s"
                + " ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID WHERE s.PRINCIPAL_NAME = ? AND a.ATTRIBUTE_NAME ="
                + " 'SPRING_SECURITY_CONTEXT'", Integer.class, user)).isOne();
        assertThat(send("/home", anonymous, null).statusCode()).as("the pre-login session id is worthless").isEqualTo(302);

        HttpResponse<String> home = send("/home", session, null);
        assertThat(home.statusCode()).isEqualTo(200);
        HttpResponse<String> logout = send("/logout", session, "_csrf=" + enc(csrfMeta(home.body())));
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("logout"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user))
                .isZero();
        HttpResponse<String> after = send("/home", session, null);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    private HttpResponse<String> send(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            b.header("Cookie", "JSESSIONID=" + cookie);
        }
        if (form != null) {
            b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length()).split(";", 2)[0]).findFirst().orElse(null);
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF field on the page").isTrue();
        return m.group(1);
    }

    private static String csrfMeta(String html) {
        Matcher m = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF meta on the page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
