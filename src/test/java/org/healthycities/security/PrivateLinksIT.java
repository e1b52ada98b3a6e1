package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.workshop.internal.TestWorkshops;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Private links (applicant, coordinator, workshop participant) and join codes: how much they hide, how they
 * are stored, when they stop working, how guessing is slowed down, and that outsiders cannot tell a wrong
 * link from an expired one.
 */
@IntegrationTest
class PrivateLinksIT {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecurityFixture fixture;
    @Autowired TestApplications applications;
    @Autowired TestWorkshops workshops;
    @Autowired TestEvaluations evaluations;
    @Autowired SecretCodes secretCodes;
    @LocalServerPort int port;

    /** Bits of a token drawn uniformly from an alphabet of this size. */
    static double bits(String token, int alphabet) {
        return token.length() * Math.log(alphabet) / Math.log(2);
    }

    @Test
    void privateLinksCarryAtLeast128BitsAndJoinCodesAreShortButNotTheOnlySecret() {
        SecurityFixture.World w = fixture.world();
        String base64url = "[A-Za-z0-9_-]+";
        // applicant and coordinator links: 32 random bytes, base64url → 256 bits
        assertThat(w.application().token()).matches(base64url).hasSize(43);
        assertThat(bits(w.application().token(), 64)).isGreaterThanOrEqualTo(256);
        assertThat(w.evaluation().token()).matches(base64url).hasSize(43);
        assertThat(bits(w.evaluation().token(), 64)).isGreaterThanOrEqualTo(256);
        // the participant's link, made at join: 24 random bytes → 192 bits; it alone opens the group's sheet
        assertThat(w.workshop().participantToken()).matches(base64url).hasSize(32);
        assertThat(bits(w.workshop().participantToken(), 64)).isGreaterThanOrEqualTo(128);
        // the receipt's key (also a link: it shows the reference and the contact's address): 256 bits
        assertThat(w.application().receiptKey()).isNotNull();
        // the join code: 6 characters of 32 → 30 bits, for typing off a projector; rate limited and only
        // good for joining: data is reached through the participant's own token, never the code
        assertThat(w.workshop().code()).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}");
        assertThat(bits(w.workshop().code(), 32)).isEqualTo(30.0);
        // no two of many links are alike (a broken random source would repeat)
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            assertThat(seen.add(evaluations.newLink(w.evaluation().evaluationId()))).isTrue();
        }
    }

    @Test
    void tokensAndCodesAreNotInTheDatabaseInClear() {
        SecurityFixture.World w = fixture.world();
        assertNowhere(w.application().token(), "membership_application_link", "token_hash");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_application_link WHERE token_hash = ?",
                Long.class, TestApplications.storedHash(w.application().token()))).isEqualTo(1);
        assertNowhere(w.evaluation().token(), "evaluation_link", "token_hash");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_link WHERE token_hash = ?", Long.class,
                TestEvaluations.storedHash(w.evaluation().token()))).isEqualTo(1);
        assertNowhere(w.workshop().participantToken(), "workshop_participant", "token_hash");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workshop_participant WHERE token_hash = ?", Long.class,
                TestWorkshops.storedHash(w.workshop().participantToken()))).isEqualTo(1);
        assertNowhere(w.sampleToken(), "form_link", "token_hash");

        // the join code: a keyed hash, not its plain SHA-256 (30 bits would be reversed by trying all)
        TestWorkshops.Opened fresh = workshops.opened();
        String stored = jdbc.queryForObject("SELECT join_code_hash FROM workshop_session WHERE id = ?", String.class,
                fresh.sessionId());
        assertThat(stored).isEqualTo(secretCodes.hash(fresh.code()))
                .isNotEqualTo(TestWorkshops.storedHash(fresh.code())).doesNotContain(fresh.code());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM workshop_session WHERE id = ?", fresh.sessionId());
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(fresh.code()));
        // its key is the configured one or a generated one kept in the database, never in the repository
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM security_secret", Long.class)).isEqualTo(1);
    }

    /** The token appears in no text column of the table, only its hash in hashColumn. */
    private void assertNowhere(String token, String table, String hashColumn) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = DATABASE() AND table_name = ? AND data_type IN"
                + " ('char', 'varchar', 'text', 'mediumtext', 'longtext')", String.class, table);
        assertThat(columns).as(table).contains(hashColumn);
        for (String column : columns) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE ?",
                    Long.class, "%" + token + "%")).as(table + "." + column).isZero();
        }
    }

    @Test
    void wrongAndExpiredLinksGetTheSameAnswer() throws Exception {
        TestApplications.Created a = applications.apply(SecurityFixture.SUND_BY);
        jdbc.update("UPDATE membership_application_link SET expires_at = ? WHERE token_hash = ?",
                Timestamp.from(TestClock.now().minusSeconds(1)), TestApplications.storedHash(a.token()));
        assertSameAnswer("/application/", a.token(), randomToken(43));
        assertSameAnswer("/application/", a.token() + "/documents/" + a.documentId(),
                randomToken(43) + "/documents/" + a.documentId());

        TestEvaluations.Started e = fixture.world().evaluation();
        String expired = evaluations.newLink(e.evaluationId());
        jdbc.update("UPDATE evaluation_link SET expires_at = ? WHERE token_hash = ?",
                Timestamp.from(TestClock.now().minusSeconds(1)), TestEvaluations.storedHash(expired));
        assertSameAnswer("/evaluation/", expired, randomToken(43));
        assertSameAnswer("/evaluation/", expired + "/history", randomToken(43) + "/history");
    }

    private void assertSameAnswer(String prefix, String expiredPath, String wrongPath) throws Exception {
        MockHttpServletResponse expired = mvc.perform(get(prefix + expiredPath).with(SecurityFixture.freshAddress()))
                .andReturn().getResponse();
        MockHttpServletResponse wrong = mvc.perform(get(prefix + wrongPath).with(SecurityFixture.freshAddress()))
                .andReturn().getResponse();
        assertThat(expired.getStatus()).isEqualTo(404).isEqualTo(wrong.getStatus());
        // the links themselves appear in the page (language switch), so compare with them blanked
        String expiredBody = blank(expired.getContentAsString().replace(expiredPath, "LINK"));
        String wrongBody = blank(wrong.getContentAsString().replace(wrongPath, "LINK"));
        assertThat(expiredBody).isEqualTo(wrongBody);
        assertThat(expired.getHeader("Cache-Control")).isEqualTo(wrong.getHeader("Cache-Control"));
    }

    /** The page's CSRF token is new on every answer. */
    private static String blank(String html) {
        return html.replaceAll("name=\"_csrf\" content=\"[^\"]*\"", "name=\"_csrf\" content=\"\"");
    }

    static String randomToken(int length) {
        String s = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return s.substring(0, length);
    }

    @Test
    void guessingPrivateLinksFromOneAddressIsStoppedWithAFriendlyLocalizedPage() throws Exception {
        SecurityFixture.World w = fixture.world();
        RequestPostProcessor guesser = SecurityFixture.freshAddress();
        int misses = 0;
        int status = 404;
        while (status == 404 && misses < 100) {
            String prefix = List.of("/application/", "/evaluation/", "/join/s/").get(misses % 3);
            status = mvc.perform(get(prefix + randomToken(43)).with(guesser)).andReturn().getResponse().getStatus();
            misses++;
        }
        System.out.printf("guess limit: blocked after %d wrong links%n", misses - 1);
        assertThat(status).isEqualTo(429);
        assertThat(misses - 1).isEqualTo(30); // hc.security.guess-limit.max-failures
        // while blocked, even a real link waits: the guesser cannot test candidates
        MockHttpServletResponse blocked = mvc.perform(get("/application/" + w.application().token()).with(guesser)
                .cookie(new jakarta.servlet.http.Cookie("hc-lang", "en")).accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(blocked.getStatus()).isEqualTo(429);
        assertThat(blocked.getHeader("Retry-After")).isEqualTo("600");
        // the friendly error page the container shows for it, in the caller's language
        MockHttpServletResponse page = mvc.perform(get("/error")
                .requestAttr("jakarta.servlet.error.status_code", 429).cookie(new jakarta.servlet.http.Cookie("hc-lang", "en")).accept(org.springframework.http.MediaType.TEXT_HTML)
                .with(guesser)).andReturn().getResponse();
        assertThat(Jsoup.parse(page.getContentAsString()).select("h1").text()).isEqualTo("Too many attempts");
        MockHttpServletResponse danish = mvc.perform(get("/error")
                .requestAttr("jakarta.servlet.error.status_code", 429).cookie(new jakarta.servlet.http.Cookie("hc-lang", "da")).accept(org.springframework.http.MediaType.TEXT_HTML)
                .with(guesser)).andReturn().getResponse();
        assertThat(Jsoup.parse(danish.getContentAsString()).select("h1").text()).isEqualTo("For mange forsøg");
        // a forged X-Forwarded-For does not make a new client (no proxy is configured here): over real HTTP, as
        // MockMvc never reads that header, the miss is counted for the connection's address, not the forged one
        String forged = "192.0.2." + (ForgedAddress.NEXT.incrementAndGet() % 250 + 1);
        HttpResponse<Void> miss = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/application/"
                        + randomToken(43))).header("X-Forwarded-For", forged).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(miss.statusCode()).isIn(404, 429);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guess_limit WHERE address = ?", Integer.class, forged))
                .as("nothing counted for the forged address").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guess_limit WHERE address IN ('127.0.0.1', '0:0:0:0:0:0:0:1')",
                Integer.class)).as("counted for the connection's own").isPositive();
        // others are not affected, and staff pages are never limited
        assertThat(mvc.perform(get("/application/" + w.application().token()).with(SecurityFixture.freshAddress()))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void guessingJoinCodesIsStoppedAfterTenWrongCodesWithALocalizedMessage() throws Exception {
        SecurityFixture.World w = fixture.world();
        RequestPostProcessor guesser = SecurityFixture.freshAddress();
        int status = 200;
        int wrong = 0;
        while (status == 200 && wrong < 50) {
            String guess = wrongCode(w.workshop().code(), wrong);
            status = mvc.perform(post("/join").param("code", guess).with(csrf()).with(guesser))
                    .andReturn().getResponse().getStatus();
            wrong++;
        }
        System.out.printf("join-code limit: blocked after %d wrong codes%n", wrong - 1);
        assertThat(status).isEqualTo(429);
        assertThat(wrong - 1).isEqualTo(10); // hc.workshop.join.max-failures
        String page = mvc.perform(post("/join").param("code", w.workshop().code()).with(csrf()).with(guesser)
                .cookie(new jakarta.servlet.http.Cookie("hc-lang", "en")).accept(org.springframework.http.MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Too many wrong codes");
        // someone else in the room joins with the right code
        assertThat(mvc.perform(post("/join").param("code", w.workshop().code()).with(csrf())
                .with(SecurityFixture.freshAddress())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private static String wrongCode(String real, int i) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        String code = "" + alphabet.charAt(i % 32) + alphabet.charAt((i / 32) % 32) + "Z9Z9";
        return code.equals(real) ? "Z9Z9Z9".equals(real) ? "Y9Y9Y9" : "Z9Z9Z9" : code;
    }

    /** Forged addresses, one per run of the test. */
    private static final class ForgedAddress {
        static final AtomicInteger NEXT = new AtomicInteger();
    }
}
