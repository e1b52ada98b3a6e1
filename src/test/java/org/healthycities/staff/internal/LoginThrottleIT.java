package org.healthycities.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Nobody can lock a user out: wrong passwords slow the guesser (per user and per address, counted in the
 * database), a lock ends by itself or at once through the link mailed to the owner, and Camunda's own permanent
 * lock never comes. The same rule on our login form, Basic auth on the REST API and the Camunda webapps' login.
 */
@IntegrationTest
class LoginThrottleIT {


    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired UnlockLinks unlockLinks;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    String user;

    @BeforeEach
    void setUp() {
        TestClock.set(Instant.parse("2031-03-04T09:00:00Z")); // a fixed moment, moved by hand past the locks
        user = TestUsers.create(identity, "laas", CurrentUser.SECRETARIAT, "sund-by");
    }

    @Test
    void aGuesserIsSlowedAndTheOwnerEndsTheLockWithTheMailedLink() throws Exception {
        RequestPostProcessor attacker = address();
        for (int i = 0; i < 5; i++) {
            assertThat(login(user, "gaet" + i, attacker).getRedirectedUrl()).isEqualTo("/login?error");
        }
        assertThat(login(user, TestUsers.PASSWORD, attacker).getRedirectedUrl())
                .as("locked: the password is not even checked").isEqualTo("/login?locked");
        RequestPostProcessor owner = address();
        assertThat(login(user, TestUsers.PASSWORD, owner).getRedirectedUrl()).as("the user is locked, wherever from")
                .isEqualTo("/login?locked");
        assertThat(mvc.perform(get("/login?locked")).andReturn().getResponse().getContentAsString())
                .contains("For mange forkerte forsøg");

        MimeMessage mail = MailServer.awaitMails(user + "@example.org", 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Din konto er spærret et øjeblik");
        Matcher link = Pattern.compile("/login/unlock/([A-Za-z0-9_-]{43})").matcher(MailServer.html(mail));
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(mvc.perform(get("/login/unlock/" + token)).andReturn().getResponse().getContentAsString())
                .as("opening the link uses nothing up").contains("Tryk på knappen");
        assertThat(mvc.perform(post("/login/unlock/" + token).with(csrf())).andReturn().getResponse().getContentAsString())
                .contains("Spærringen er ophævet");
        assertThat(login(user, TestUsers.PASSWORD, owner).getRedirectedUrl()).isEqualTo("/home");
        assertThat(mvc.perform(post("/login/unlock/" + token).with(csrf())).andReturn().getResponse().getContentAsString())
                .as("single use").contains("Linket virker ikke");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_unlock WHERE token_hash = ?", Integer.class, token))
                .as("only the hash is stored").isZero();
    }

    @Test
    void aLockEndsByItselfGrowsWithMoreFailuresAndNeverLastsForGood() throws Exception {
        RequestPostProcessor from = address();
        for (int i = 0; i < 5; i++) {
            login(user, "gaet" + i, from);
        }
        assertThat(login(user, TestUsers.PASSWORD, from).getRedirectedUrl()).isEqualTo("/login?locked");
        TestClock.set(TestClock.now().plusSeconds(61));
        assertThat(login(user, TestUsers.PASSWORD, from).getRedirectedUrl()).as("a minute later").isEqualTo("/home");

        // 40 more wrong passwords, each as soon as the lock allows: Camunda alone would have locked after 10 for good
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 40; i++) {
            // from ever new addresses (a botnet), so that only the user's own count decides
            assertThat(login(user, "forkert" + i, address()).getRedirectedUrl()).isEqualTo("/login?error");
            Instant until = lockedUntil();
            Duration lock = Duration.between(TestClock.now(), until);
            assertThat(lock).as("never more than 15 minutes").isLessThanOrEqualTo(Duration.ofMinutes(15));
            longest = lock.compareTo(longest) > 0 ? lock : longest;
            TestClock.set(until.plusSeconds(1));
        }
        assertThat(longest).as("the locks grew to the longest").isEqualTo(Duration.ofMinutes(15));
        assertThat(login(user, TestUsers.PASSWORD, address()).getRedirectedUrl()).as("the owner gets in").isEqualTo("/home");
        assertThat(identity.checkPassword(user, TestUsers.PASSWORD)).as("no lock in Camunda's identity service").isTrue();
    }

    @Test
    void basicAuthOnTheRestApiCountsTheSame() throws Exception {
        RequestPostProcessor from = address();
        for (int i = 0; i < 5; i++) {
            assertThat(rest(user, "gaet" + i, from)).isEqualTo(401);
        }
        assertThat(rest(user, TestUsers.PASSWORD, from)).as("locked").isEqualTo(401);
        TestClock.set(TestClock.now().plusSeconds(61));
        // past the login: MockMvc has no Jersey servlet behind the filters, so the REST call itself is 404
        assertThat(rest(user, TestUsers.PASSWORD, from)).isEqualTo(404);
    }

    @Test
    void theCamundaWebappsLoginCountsTheSame() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        for (int i = 0; i < 5; i++) {
            assertThat(webappLogin(http, cookies, user, "gaet" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = webappLogin(http, cookies, user, TestUsers.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        TestClock.set(TestClock.now().plusSeconds(61));
        assertThat(webappLogin(http, cookies, user, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressGuessingManyUsersIsSlowedToo() {
        LoginThrottle strict = new LoginThrottle(jdbc, clock, unlockLinks, 5, 3, Duration.ofMinutes(1),
                Duration.ofMinutes(15), Duration.ofHours(1));
        String address = WebappLogin.nextAddress();
        strict.failed("nobody-1-" + user, address);
        strict.failed("nobody-2-" + user, address);
        assertThat(strict.lockedUntil("nobody-3-" + user, address)).isEmpty();
        strict.failed("nobody-3-" + user, address);
        assertThat(strict.lockedUntil(user, address)).as("every user from that address").isPresent();
        assertThat(strict.lockedUntil(user, "10.66.1.1")).as("not from another address").isEmpty();
        assertThat(strict.lockFor(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(strict.lockFor(3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(strict.lockFor(30)).isEqualTo(Duration.ofMinutes(15));
    }

    private Instant lockedUntil() {
        List<Timestamp> until = jdbc.queryForList("SELECT locked_until FROM login_throttle WHERE throttle_key = ?"
                + " AND locked_until IS NOT NULL", Timestamp.class, "user:" + user.toLowerCase());
        return until.isEmpty() ? TestClock.now() : until.get(0).toInstant();
    }

    private MockHttpServletResponse login(String username, String password, RequestPostProcessor from) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from))
                .andReturn().getResponse();
    }

    private int rest(String username, String password, RequestPostProcessor from) throws Exception {
        return mvc.perform(get("/engine-rest/process-definition/count").with(httpBasic(username, password)).with(from))
                .andReturn().getResponse().getStatus();
    }

    private HttpResponse<String> webappLogin(HttpClient http, CookieManager cookies, String username, String password)
            throws Exception {
        return WebappLogin.cockpit(http, cookies, "http://localhost:" + port, username, password);
    }

    private static RequestPostProcessor address() {
        return WebappLogin.newAddress();
    }
}
