package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.RealHttp;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Web sessions are kept in the database (Spring Session JDBC), so any node of a cluster can serve a login
 * and a restart loses none. Only a login makes one: an anonymous visitor costs no row (the CSRF token and
 * the page asked for before login ride in cookies). Real HTTP, real cookies.
 */
@IntegrationTest
class SessionStoreIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLoginIsARowUnderTheUsersIdWithAnIdTheServerChoseAndLogoutRemovesIt() throws Exception {
        String user = TestUsers.create(identity, "sess", CurrentUser.SECRETARIAT, "sund-by");
        RealHttp browser = new RealHttp(port);
        browser.get("/login");
        assertThat(browser.cookie("JSESSIONID")).as("no session before login").isEmpty();
        // an attacker who planted a session id must not find the victim's login under it
        String planted = Base64.getEncoder().encodeToString("planted-by-an-attacker".getBytes(StandardCharsets.UTF_8));
        browser.cookie("JSESSIONID", planted);

        HttpResponse<String> login = browser.post("/login", "username", user, "password", TestUsers.PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));
        String session = browser.cookie("JSESSIONID").orElseThrow();
        assertThat(session).as("a session id of the server's choosing").isNotEqualTo(planted);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user))
                .isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s"
                + " ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID WHERE s.PRINCIPAL_NAME = ? AND a.ATTRIBUTE_NAME ="
                + " 'SPRING_SECURITY_CONTEXT'", Integer.class, user)).isOne();
        RealHttp attacker = new RealHttp(port);
        attacker.cookie("JSESSIONID", planted);
        assertThat(attacker.get("/home").statusCode()).as("the planted id opens nothing").isEqualTo(302);

        assertThat(browser.get("/home").statusCode()).isEqualTo(200);
        HttpResponse<String> logout = browser.post("/logout");
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("logout"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user))
                .isZero();
        RealHttp oldTab = new RealHttp(port);
        oldTab.cookie("JSESSIONID", session);
        HttpResponse<String> after = oldTab.get("/home");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(oldTab.get("/members").statusCode()).isEqualTo(302);
    }

    @Test
    void anonymousVisitorsMakeNoSessionAndTheirFormsStillCarryAToken() throws Exception {
        int before = sessions();
        for (int i = 0; i < 20; i++) {
            RealHttp visitor = new RealHttp(port);
            assertThat(visitor.get("/").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/apply/sund-by").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/join").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/members").statusCode()).as("to the login page").isEqualTo(302);
            assertThat(visitor.get("/login").statusCode()).isEqualTo(200);
            assertThat(visitor.cookie(SecurityConfiguration.CSRF_COOKIE)).as("the token's cookie").isPresent();
            if (i % 5 == 0) { // a few only: twenty failures from one address would lock it (LoginThrottle)
                HttpResponse<String> refused = visitor.post("/login", "username", "nobody-" + i, "password", "wrong");
                assertThat(refused.headers().firstValue("Location")).as("a wrong login with the cookie's token is a wrong login")
                        .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            }
            assertThat(visitor.cookie("JSESSIONID")).isEmpty();
        }
        assertThat(sessions()).as("rows in SPRING_SESSION after 20 anonymous visitors").isEqualTo(before);

        // a token from another visitor's cookie is refused
        RealHttp first = new RealHttp(port);
        first.get("/login");
        RealHttp second = new RealHttp(port);
        second.get("/login");
        second.cookie(SecurityConfiguration.CSRF_COOKIE, first.cookie(SecurityConfiguration.CSRF_COOKIE).orElseThrow() + "x");
        assertThat(second.post("/login", "username", "nobody", "password", "wrong").statusCode()).isEqualTo(403);

        // the page asked for before login is opened after it, without a session before
        String user = TestUsers.create(identity, "sessback", CurrentUser.SECRETARIAT, "sund-by");
        RealHttp returning = new RealHttp(port);
        returning.get("/members");
        returning.get("/login");
        HttpResponse<String> login = returning.post("/login", "username", user, "password", TestUsers.PASSWORD);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/members"));
    }

    private int sessions() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION", Integer.class);
    }
}
