package org.healthycities.staff.internal;

import org.healthycities.security.Tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.RealHttp;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Staff without Camunda Admin: invitations and resets by one-time links (hashed, single use, expiring by the
 * clock), the password rule, the secretariat lead's limits, and a deactivation that closes every way in (our form,
 * the Camunda webapps' login, Basic auth on the REST API) and ends the sessions the person has.
 */
@IntegrationTest
class StaffUsersIT {

    private static final Pattern LINK = Pattern.compile("/login/password/([A-Za-z0-9_-]{43})");
    private static final String GOOD = "Syv grønne cykler ved havnen";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    String admin;

    @BeforeEach
    void setUp() {
        TestClock.set(Instant.parse("2031-05-06T08:00:00Z")); // a fixed moment, moved by hand past the links' ends
        admin = TestUsers.create(identity, "stadm", CurrentUser.ADMIN);
    }

    @Test
    void anInvitedPersonSetsTheirOwnPasswordOnceAndLogsIn() throws Exception {
        String email = unique("ny") + "@example.org";
        MockHttpServletResponse invited = invite(admin, email, "SECRETARIAT", "sund-by");
        assertThat(invited.getRedirectedUrl()).isEqualTo("/staff/users");
        String user = userWithEmail(email);
        assertThat(identity.createUserQuery().userId(user).memberOfGroup(CurrentUser.SECRETARIAT).count()).isOne();
        assertThat(identity.createTenantQuery().userMember(user).singleResult().getId()).isEqualTo("sund-by");
        assertThat(identity.checkPassword(user, "")).isFalse();

        MimeMessage mail = MailServer.awaitMails(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Du er inviteret til Sunde Byer");
        String html = MailServer.html(mail);
        assertThat(html).contains("Dit brugernavn er " + user).contains("indtil").doesNotContainIgnoringCase("adgangskode:");
        String token = token(html);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_link WHERE token_hash = ?", Integer.class, token))
                .as("the token itself is not stored").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_link WHERE token_hash = ?", Integer.class,
                Tokens.hash(token))).isOne();

        assertThat(page(token).getContentAsString()).contains(user).contains("Vælg din adgangskode");
        assertThat(setPassword(token, "kort", "kort").getContentAsString())
                .contains("Ny adgangskode: skal være mindst 12 tegn.");
        assertThat(setPassword(token, "Password2024!", "Password2024!").getContentAsString())
                .contains("Ny adgangskode: den er for almindelig");
        MockHttpServletResponse english = mvc.perform(post("/login/password/" + token).param("password", "qwertyuiop123")
                .param("repeat", "qwertyuiop123").cookie(new Cookie("hc-lang", "en")).with(csrf()).with(address()))
                .andReturn().getResponse();
        assertThat(english.getContentAsString()).as("named in the user's language")
                .contains("New password: it is too common");
        assertThat(setPassword(token, GOOD, GOOD + "x").getContentAsString())
                .contains("Gentag adgangskoden: de to adgangskoder er ikke ens.");
        assertThat(login(user, GOOD).getRedirectedUrl()).as("nothing set yet").isEqualTo("/login?error");

        assertThat(setPassword(token, GOOD, GOOD).getRedirectedUrl()).isEqualTo("/login?password");
        assertThat(login(user, GOOD).getRedirectedUrl()).isEqualTo("/home");
        assertThat(page(token).getStatus()).as("single use").isEqualTo(404);
        assertThat(setPassword(token, GOOD + "!", GOOD + "!").getStatus()).isEqualTo(404);
        assertThat(login(user, GOOD).getRedirectedUrl()).as("the second try changed nothing").isEqualTo("/home");
    }

    @Test
    void aLinkSentTwiceAtOnceSetsOnePassword() throws Exception {
        String email = unique("to") + "@example.org";
        invite(admin, email, "SECRETARIAT", "sund-by");
        String token = token(MailServer.html(MailServer.awaitMails(email, 1).get(0)));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = List.of(GOOD, GOOD + " nu").stream().map(password -> two.submit(() -> {
                start.await();
                return setPassword(token, password, password).getStatus();
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(302, 404);
        } finally {
            two.shutdownNow();
        }
        String user = userWithEmail(email);
        assertThat(identity.checkPassword(user, GOOD) ^ identity.checkPassword(user, GOOD + " nu"))
                .as("exactly one of the two passwords").isTrue();
    }

    @Test
    void anInvitationWorksFor72Hours() throws Exception {
        String email = unique("sen") + "@example.org";
        invite(admin, email, "BOARD", "sunne-kommuner");
        String token = token(MailServer.html(MailServer.awaitMails(email, 1).get(0)));
        Instant sent = TestClock.now();
        TestClock.set(sent.plus(Duration.ofHours(71)));
        assertThat(page(token).getStatus()).isEqualTo(200);
        TestClock.set(sent.plus(Duration.ofHours(73)));
        assertThat(page(token).getStatus()).isEqualTo(404);
        assertThat(setPassword(token, GOOD, GOOD).getStatus()).isEqualTo(404);
        assertThat(page(token).getContentAsString()).contains("Linket virker ikke");
    }

    @Test
    void aForgottenPasswordIsMailedOnlyToAKnownAddressAndTheAnswerIsTheSame() throws Exception {
        String user = TestUsers.create(identity, "glemt", CurrentUser.SECRETARIAT, "sund-by");
        String known = user + "@example.org";
        String unknown = unique("ukendt") + "@example.org";
        String forKnown = forgot(known).getContentAsString();
        String forUnknown = forgot(unknown).getContentAsString();
        assertThat(forKnown).contains("har vi sendt et link");
        assertThat(sameish(forKnown, known)).as("the same page either way").isEqualTo(sameish(forUnknown, unknown));

        String token = token(MailServer.html(MailServer.awaitMails(known, 1).get(0)));
        assertThat(outbox(unknown)).isZero();
        assertThat(outbox(known)).isOne();

        TestClock.set(TestClock.now().plus(Duration.ofMinutes(61)));
        assertThat(page(token).getStatus()).as("a reset link lasts an hour").isEqualTo(404);
        forgot(known);
        String fresh = token(MailServer.html(MailServer.awaitMails(known, 2).get(1)));
        assertThat(setPassword(fresh, GOOD, GOOD).getRedirectedUrl()).isEqualTo("/login?password");
        assertThat(login(user, TestUsers.PASSWORD).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(user, GOOD).getRedirectedUrl()).isEqualTo("/home");

        // three reset mails an hour per person, whoever asks; an address that asks too often is refused
        forgot(known);
        forgot(known);
        forgot(known);
        assertThat(outbox(known)).isEqualTo(4);
        RequestPostProcessor flooder = address();
        int last = 0;
        for (int i = 0; i < 21; i++) {
            last = mvc.perform(post("/login/forgot").param("email", unique("flood") + "@example.org").with(csrf())
                    .with(flooder)).andReturn().getResponse().getStatus();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void aLeadManagesOnlyTheirOwnNetworksAndMakesNoAdmins() throws Exception {
        String lead = TestUsers.create(identity, "leder", CurrentUser.SECRETARIAT, "sund-by");
        identity.createMembership(lead, CurrentUser.SECRETARIAT_LEAD);
        String own = TestUsers.create(identity, "egen", CurrentUser.SECRETARIAT, "sund-by");
        String other = TestUsers.create(identity, "anden", CurrentUser.SECRETARIAT, "hc-sverige");
        String plain = TestUsers.create(identity, "menig", CurrentUser.SECRETARIAT, "sund-by");

        String list = mvc.perform(get("/staff/users").with(as(lead))).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(own).doesNotContain(other).doesNotContain(admin);
        assertThat(mvc.perform(get("/staff/users").with(as(plain))).andReturn().getResponse().getStatus())
                .as("a secretariat member who is no lead").isEqualTo(403);

        assertThat(mvc.perform(get("/staff/users/" + other).with(as(lead))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(post("/staff/users/" + other + "/deactivate").with(as(lead)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/staff/users/" + other + "/roles").param("role", "BOARD")
                .param("networks", "sund-by").with(as(lead)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(login(other, TestUsers.PASSWORD).getRedirectedUrl()).isEqualTo("/home");
        assertThat(identity.createUserQuery().userId(other).memberOfGroup(CurrentUser.SECRETARIAT).count()).isOne();

        String email = unique("sv") + "@example.org";
        assertThat(invite(lead, email, "SECRETARIAT", "hc-sverige").getContentAsString())
                .contains("Netværk: du kan kun give adgang til dine egne netværk.");
        assertThat(identity.createUserQuery().userEmail(email).count()).isZero();

        assertThat(mvc.perform(post("/staff/users/" + own + "/roles").param("role", "SECRETARIAT")
                .param("networks", "sund-by").param("admin", "true").with(as(lead)).with(csrf()))
                .andReturn().getResponse().getContentAsString())
                .contains("Administrator: kun administratoren kan give eller fjerne denne rolle.");
        assertThat(mvc.perform(post("/staff/users/new").param("email", unique("adm") + "@example.org")
                .param("firstName", "Ad").param("role", "SECRETARIAT").param("networks", "sund-by")
                .param("admin", "true").with(as(lead)).with(csrf())).andReturn().getResponse().getContentAsString())
                .contains("Administrator: kun administratoren");
        assertThat(identity.createUserQuery().userId(own).memberOfGroup(CurrentUser.ADMIN).count()).isZero();

        // what a lead may do: their own network's person becomes a board member
        assertThat(mvc.perform(post("/staff/users/" + own + "/roles").param("role", "BOARD").param("networks", "sund-by")
                .with(as(lead)).with(csrf())).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/staff/users");
        assertThat(identity.createUserQuery().userId(own).memberOfGroup(CurrentUser.BOARD).count()).isOne();
        assertThat(identity.createUserQuery().userId(own).memberOfGroup(CurrentUser.SECRETARIAT).count()).isZero();
    }

    @Test
    void aDeactivatedPersonIsRefusedEverywhereAndTheirSessionsEnd() throws Exception {
        String user = TestUsers.create(identity, "luk", CurrentUser.SECRETARIAT, "sund-by");
        RealHttp browser = new RealHttp(port);
        browser.get("/login");
        browser.post("/login", "username", user, "password", TestUsers.PASSWORD);
        assertThat(browser.get("/members").statusCode()).isEqualTo(200);
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient cockpit = HttpClient.newBuilder().cookieHandler(cookies).build();
        cockpit.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(webappLogin(cockpit, cookies, user, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(webappUser(cockpit).statusCode()).as("logged in to the webapps").isEqualTo(200);

        assertThat(mvc.perform(post("/staff/users/" + user + "/deactivate").with(as(admin)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/staff/users");

        HttpResponse<String> after = browser.get("/members");
        assertThat(after.statusCode()).as("the session on our pages ended").isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(webappUser(cockpit).statusCode()).as("the webapps' session ended").isNotEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", Integer.class, user))
                .isZero();
        assertThat(login(user, TestUsers.PASSWORD).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(webappLogin(cockpit, cookies, user, TestUsers.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(mvc.perform(get("/engine-rest/process-definition/count").with(httpBasic(user, TestUsers.PASSWORD))
                .with(address())).andReturn().getResponse().getStatus()).isEqualTo(401);
        forgot(user + "@example.org");
        assertThat(outbox(user + "@example.org")).as("no reset for a closed account").isZero();
        // a password set for the closed account elsewhere (as in Camunda Admin) opens nothing either; the clock
        // moves past the login throttle's count first, so that the closed account (not a lock) is what refuses
        TestClock.set(TestClock.now().plus(Duration.ofHours(2)));
        String elsewhere = "set-in-camunda-admin-7";
        var closed = identity.createUserQuery().userId(user).singleResult();
        closed.setPassword(elsewhere);
        identity.saveUser(closed);
        assertThat(login(user, elsewhere).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(webappLogin(cockpit, cookies, user, elsewhere).statusCode()).isEqualTo(401);
        assertThat(mvc.perform(get("/engine-rest/process-definition/count").with(httpBasic(user, elsewhere))
                .with(address())).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/staff/users").with(as(admin))).andReturn().getResponse().getContentAsString())
                .contains("Lukket");

        // opened again: a link to choose a new password, the old ones stay dead
        TestClock.set(TestClock.now().plus(Duration.ofHours(2)));
        assertThat(mvc.perform(post("/staff/users/" + user + "/reactivate").with(as(admin)).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/staff/users");
        String token = token(MailServer.html(MailServer.awaitMails(user + "@example.org", 1).get(0)));
        assertThat(login(user, TestUsers.PASSWORD).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(login(user, elsewhere).getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(setPassword(token, GOOD, GOOD).getRedirectedUrl()).isEqualTo("/login?password");
        assertThat(login(user, GOOD).getRedirectedUrl()).isEqualTo("/home");
    }

    @Test
    void nobodyManagesTheirOwnAccountHere() throws Exception {
        assertThat(mvc.perform(post("/staff/users/" + admin + "/deactivate").with(as(admin)).with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("Din egen konto kan du ikke ændre eller lukke her.");
        assertThat(login(admin, TestUsers.PASSWORD).getRedirectedUrl()).isEqualTo("/home");
    }

    // --- helpers

    private MockHttpServletResponse invite(String by, String email, String role, String network) throws Exception {
        return mvc.perform(post("/staff/users/new").param("email", email).param("firstName", "Ny").param("lastName", "Person")
                .param("role", role).param("networks", network).with(as(by)).with(csrf()).with(address()))
                .andReturn().getResponse();
    }

    private String userWithEmail(String email) {
        return identity.createUserQuery().userEmail(email).singleResult().getId();
    }

    private MockHttpServletResponse page(String token) throws Exception {
        return mvc.perform(get("/login/password/" + token).with(address())).andReturn().getResponse();
    }

    private MockHttpServletResponse setPassword(String token, String password, String repeat) throws Exception {
        return mvc.perform(post("/login/password/" + token).param("password", password).param("repeat", repeat)
                .with(csrf()).with(address())).andReturn().getResponse();
    }

    private MockHttpServletResponse forgot(String email) throws Exception {
        return mvc.perform(post("/login/forgot").param("email", email).with(csrf()).with(address()))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse login(String username, String password) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(address())).andReturn().getResponse();
    }

    private int outbox(String recipient) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, recipient);
    }

    private RequestPostProcessor as(String user) {
        RequestPostProcessor login = TestMembers.login(identity, user);
        RequestPostProcessor from = address();
        return r -> from.postProcessRequest(login.postProcessRequest(r));
    }

    /** The page without the address typed and the per-request CSRF token. */
    private static String sameish(String page, String email) {
        return page.replace(email, "X").replaceAll("(content|value)=\"[^\"]*\"", "");
    }

    private static String token(String html) {
        Matcher link = LINK.matcher(html);
        assertThat(link.find()).as("a password link in " + html).isTrue();
        return link.group(1);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> webappUser(HttpClient http) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webappLogin(HttpClient http, CookieManager cookies, String username, String password)
            throws Exception {
        return WebappLogin.cockpit(http, cookies, base(), username, password);
    }

    private static RequestPostProcessor address() {
        return WebappLogin.newAddress();
    }
}
