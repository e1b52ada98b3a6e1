package org.healthycities.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import jakarta.servlet.http.Cookie;
import java.io.StringReader;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The knowledge bank as a member's coordinator meets it: two members' evaluations (one activity shared, one not, an
 * action plan PDF), a consolidated workshop session, another network's items; the coordinator of a third member
 * signs in by a mailed link and finds what is shared, by a word, a facet, a word in the PDF, and nothing else.
 */
@IntegrationTest
class KnowledgeBankIT {

    private static final Random RANDOM = new Random();

    @Autowired
    TestKnowledge knowledge;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KnowledgeSearch search;
    @Autowired
    IdentityService identity;

    private TestEvaluations.Round round;
    private String network;
    private String coordinator;
    private Map<String, String> words;

    @BeforeEach
    void twoMembersReportedAndAWorkshopWasConsolidated() {
        TestClock.set(java.time.LocalDateTime.of(2026, 12, 4, 10, 0));
        TestKnowledge.Bank bank = knowledge.reported("kb");
        round = bank.round();
        network = bank.network();
        coordinator = bank.coordinator();
        words = bank.words();
    }

    @Test
    void aThirdMembersCoordinatorSignsInByMail_andFindsOnlyWhatIsShared() throws Exception {
        Cookie reader = signIn(coordinator);

        Document byWord = page("/bank/" + network + "?q=" + words.get("shared"), reader);
        assertThat(byWord.select(".knowledge-hits li")).hasSize(1);
        assertThat(byWord.select(".knowledge-hits h3").text()).contains("Gåture for ældre");
        assertThat(byWord.select(".knowledge-hits h3 mark").text()).isEqualTo(words.get("shared"));
        assertThat(byWord.select(".knowledge-hits .contact").text()).contains("anne@example.org");
        assertThat(byWord.text()).doesNotContain("Fremmed");

        Document byFacet = page("/bank/" + network + "?sdg=SDG11", reader);
        assertThat(byFacet.select(".knowledge-hits h3").text()).contains("Gåture for ældre").doesNotContain("Intern sag");

        Document byPdf = page("/bank/" + network + "?q=" + words.get("plan"), reader);
        assertThat(byPdf.select(".knowledge-hits li")).hasSize(1);
        assertThat(byPdf.select(".knowledge-hits .meta").text()).contains("Handleplan");
        assertThat(byPdf.select(".knowledge-hits .excerpt mark").text()).isEqualTo(words.get("plan"));

        Document workshop = page("/bank/" + network + "?q=" + words.get("workshop"), reader);
        assertThat(workshop.select(".knowledge-hits h3").text()).contains("Temadag om bevægelse");

        assertThat(page("/bank/" + network + "?q=" + words.get("hidden"), reader).select(".knowledge-hits li")).isEmpty();
        assertThat(page("/bank/" + network + "?q=" + words.get("foreign"), reader).select(".knowledge-hits li")).isEmpty();
        long hidden = itemId(words.get("hidden"));
        long foreign = itemId(words.get("foreign"));
        mvc.perform(get("/bank/" + network + "/items/" + hidden).cookie(reader)).andExpect(status().isNotFound());
        mvc.perform(get("/bank/" + network + "/items/" + foreign).cookie(reader)).andExpect(status().isNotFound());
        long shared = itemId(words.get("shared") + ".");
        Document item = page("/bank/" + network + "/items/" + shared, reader);
        assertThat(item.select("h1").text()).contains("Gåture for ældre");

        // the action plan's document opens for the reader
        long plan = jdbc.queryForObject("SELECT id FROM knowledge_item WHERE network_id = ? AND kind = 'ACTION_PLAN'",
                Long.class, network);
        MockHttpServletResponse pdf = mvc.perform(get("/bank/" + network + "/items/" + plan + "/document").cookie(reader))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");

        // the facet counts on the page are the database's counts of what this reader may see
        Document all = page("/bank/" + network, reader);
        Map<String, Long> sql = new HashMap<>();
        jdbc.query("SELECT t.code, COUNT(*) FROM knowledge_item k JOIN knowledge_tag t ON t.item_id = k.id"
                + " WHERE k.network_id = ? AND (k.shared OR k.member_id = ?) AND t.facet = 'SDG' GROUP BY t.code",
                rs -> { sql.put(rs.getString(1), rs.getLong(2)); }, network, round.memberIds().get(2));
        assertThat(sql).containsEntry("SDG11", 1L).containsEntry("SDG3", 2L);
        Map<String, Long> shown = new HashMap<>();
        for (var link : all.select("nav.facets a[href*=sdg=]")) {
            Matcher m = Pattern.compile("sdg=(\\w+)").matcher(link.attr("href"));
            assertThat(m.find()).isTrue();
            shown.put(m.group(1), Long.parseLong(link.select(".count").text().replaceAll("\\D", "")));
        }
        assertThat(shown).isEqualTo(sql);
    }

    @Autowired
    KnowledgeBackfill backfill;

    @Test
    void evaluationsHandedInAndSessionsConsolidatedBeforeTheBankListened_areHeardOnceAfterTheStart() {
        String source = "evaluation:" + round.evaluationIds().get(0);
        String session = jdbc.queryForObject("SELECT source FROM knowledge_item WHERE network_id = ? AND kind = 'WORKSHOP'",
                String.class, network);
        String sessionTitle = jdbc.queryForObject("SELECT title FROM knowledge_item WHERE source = ?", String.class, session);
        for (String s : List.of(source, session)) {
            jdbc.update("DELETE FROM knowledge_item WHERE source = ?", s);
            jdbc.update("DELETE FROM knowledge_source WHERE source = ?", s);
        }
        assertThat(backfill.run()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForList("SELECT kind FROM knowledge_item WHERE source = ? ORDER BY kind", String.class, source))
                .containsExactly("ACTION_PLAN", "ACTIVITY");
        assertThat(jdbc.queryForList("SELECT title FROM knowledge_item WHERE source = ?", String.class, session))
                .containsExactly(sessionTitle);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_item k JOIN knowledge_tag t ON t.item_id = k.id"
                + " WHERE k.source = ? AND t.facet = 'SDG'", Long.class, session)).as("its SDG tag too").isPositive();
        assertThat(backfill.run()).as("nothing is told twice").isZero();
    }

    @Test
    void facetCounts_equalTheDatabasesCounts_forEveryFacet_underAChosenFacet() {
        Reader secretariat = Reader.secretariat(java.util.Set.of(network), "test");
        var result = search.search(secretariat, new KnowledgeSearch.Query("", Map.of("sdg", "SDG11"), false, 0));
        assertThat(result.page().getTotalElements()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_item k"
                + " WHERE k.network_id = ? AND EXISTS (SELECT 1 FROM knowledge_tag t WHERE t.item_id = k.id"
                + " AND t.facet = 'SDG' AND t.code = 'SDG11')", Long.class, network));
        for (String facet : List.of("kind", "year", "region")) {
            String column = facet.equals("year") ? "CAST(k.year AS CHAR)" : "k." + facet;
            Map<String, Long> sql = new HashMap<>();
            jdbc.query("SELECT " + column + ", COUNT(*) FROM knowledge_item k WHERE k.network_id = ? AND " + column
                    + " IS NOT NULL AND EXISTS (SELECT 1 FROM knowledge_tag t WHERE t.item_id = k.id AND t.facet = 'SDG'"
                    + " AND t.code = 'SDG11') GROUP BY " + column, rs -> { sql.put(rs.getString(1), rs.getLong(2)); },
                    network);
            Map<String, Long> counted = new HashMap<>();
            result.facets().get(facet).forEach(f -> counted.put(f.code(), f.count()));
            assertThat(counted).as(facet).isEqualTo(sql);
        }
        // the chosen facet's own counts do not narrow to the chosen value
        Map<String, Long> sdgs = new HashMap<>();
        result.facets().get("sdg").forEach(f -> sdgs.put(f.code(), f.count()));
        assertThat(sdgs).containsEntry("SDG11", 2L).containsEntry("SDG3", 2L);
    }

    @Test
    void aSignInLink_usedTwice_expired_orFromAnotherNetwork_opensNothing_andSaysSoKindly() throws Exception {
        String link = mailedLink(coordinator);
        TestClock.set(TestClock.now().plus(java.time.Duration.ofMinutes(16)));
        mvc.perform(post(link).with(csrf())).andExpect(status().isNotFound())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Linket virker ikke"));

        String fresh = mailedLink(coordinator);
        String otherNetwork = fresh.replace("/bank/" + network + "/", "/bank/sund-by/");
        mvc.perform(post(otherNetwork).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(fresh).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(fresh).with(csrf())).andExpect(status().isNotFound())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Bed om et nyt link"));
        // without a cookie the bank is only its sign-in page
        assertThat(page("/bank/" + network + "?q=" + words.get("shared"), null).select(".knowledge-hits")).isEmpty();
    }

    @Test
    void theAnswerToASignInRequest_isTheSame_whetherTheAddressIsKnownOrNot_andRequestsAreLimited() throws Exception {
        String known = signInAnswer(coordinator, "10.77.0.1");
        String unknown = signInAnswer("ukendt-" + words.get("hidden") + "@example.org", "10.77.0.1");
        assertThat(known.replace(coordinator, "X")).isEqualTo(unknown.replace("ukendt-" + words.get("hidden") + "@example.org", "X"));
        assertThat(MailServer.mailsTo("ukendt-" + words.get("hidden") + "@example.org")).isEmpty();
        String address = "10.77." + RANDOM.nextInt(250) + "." + RANDOM.nextInt(250);
        for (int i = 0; i < 10; i++) {
            request(post("/bank/" + network + "/sign-in").param("email", "x" + i + "@example.org"), address)
                    .andExpect(status().isOk());
        }
        request(post("/bank/" + network + "/sign-in").param("email", "x@example.org"), address)
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void searchTextWithOperatorsLongTextOrOnlyCommonWords_getsAClearAnswer_neverAnErrorPage() throws Exception {
        Cookie reader = signIn(coordinator);
        for (String q : List.of("+\"-*@ ()~<>", "\"" + words.get("shared") + "\" +-* @2", "a".repeat(2000),
                (words.get("shared") + " ").repeat(300), "the about with", "ab")) {
            assertThat(search(q, reader).select("[role=status]").text()).as(q).isNotBlank();
        }
        assertThat(search("the about with", reader).select("[role=alert]").text()).contains("for almindelige");
        assertThat(search("ab", reader).select("[role=alert]").text()).contains("3 til 84 bogstaver");
        assertThat(search("\"" + words.get("shared") + "\" +-*", reader).select(".knowledge-hits li")).hasSize(1);
        assertThat(search((words.get("shared") + " ").repeat(300), reader).select(".knowledge-hits li")).hasSize(1);
        assertThat(search("a".repeat(2000), reader).select("[role=alert]").text()).contains("3 til 84 bogstaver");
    }

    @Test
    void aContactAddsAGoodPractice_refusalsNameTheField_andScriptIsShownAsText() throws Exception {
        Cookie reader = signIn(coordinator);
        String refused = mvc.perform(post("/bank/" + network + "/new").cookie(reader).with(csrf())
                        .param("title", "").param("text", "Beholdt tekst " + words.get("hidden")).param("year", "20x6"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document form = Jsoup.parse(refused);
        assertThat(form.select(".error-summary").text()).contains("Skriv en titel.", "Skriv året med fire cifre.");
        assertThat(form.select("#text").text()).isEqualTo("Beholdt tekst " + words.get("hidden"));

        String title = "<script>alert(1)</script> " + words.get("foreign");
        String at = mvc.perform(post("/bank/" + network + "/new").cookie(reader).with(csrf()).param("title", title)
                        .param("text", "Sådan gør vi " + words.get("foreign")).param("year", "2026").param("sdgs", "SDG3")
                        .param("shared", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        MockHttpServletResponse item = mvc.perform(get(at).cookie(reader)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(item.getContentAsString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");
        Document found = page("/bank/" + network + "?q=" + words.get("foreign"), reader);
        assertThat(found.select(".knowledge-hits li")).hasSize(1);
        assertThat(found.html()).doesNotContain("<script>alert");
        assertThat(jdbc.queryForObject("SELECT member_id FROM knowledge_item WHERE id = ?", Long.class,
                Long.valueOf(at.substring(at.lastIndexOf('/') + 1)))).isEqualTo(round.memberIds().get(2));
    }

    @Test
    void theSecretariatSeesAll_publishesOnlyShared_andThePublicFeedReadsBack() throws Exception {
        var admin = TestMembers.login(identity, "admin");
        Document staff = Jsoup.parse(mvc.perform(get("/knowledge?q=" + words.get("hidden")).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(staff.select(".knowledge-hits li")).hasSize(1);
        assertThat(staff.select(".knowledge-hits .badge").text()).contains("Kun for sekretariatet");

        long hidden = itemId(words.get("hidden"));
        long shared = itemId(words.get("shared") + ".");
        mvc.perform(post("/knowledge/items/" + hidden + "/public").param("shown", "true").with(admin).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/knowledge/items/" + shared + "/public").param("shown", "true").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Document open = page("/bank/" + network + "/public", null);
        assertThat(open.select(".knowledge-hits h3").text()).contains("Gåture for ældre").doesNotContain("Intern sag");
        String xml = mvc.perform(get("/bank/" + network + "/feed.atom")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getTitle()).contains("Gåture for ældre");
        assertThat(feed.getEntries().get(0).getLink()).endsWith("/bank/" + network + "/public/items/" + shared);

        byte[] csv = mvc.perform(get("/knowledge/export.csv").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF").contains("Gåture for ældre " + words.get("shared"), "Intern sag");
        byte[] xlsx = mvc.perform(get("/knowledge/export.xlsx").with(admin)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                found |= row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("Gåture for ældre " + words.get("shared"));
            }
            assertThat(found).isTrue();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private long itemId(String word) {
        return jdbc.queryForObject("SELECT id FROM knowledge_item WHERE body LIKE ?", Long.class, "%" + word + "%");
    }

    private Document page(String url, Cookie reader) throws Exception {
        MockHttpServletRequestBuilder get = get(url);
        if (reader != null) {
            get.cookie(reader);
        }
        return Jsoup.parse(mvc.perform(get).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private Document search(String q, Cookie reader) throws Exception {
        return Jsoup.parse(mvc.perform(get("/bank/" + network).param("q", q).cookie(reader)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private org.springframework.test.web.servlet.ResultActions request(MockHttpServletRequestBuilder builder, String address)
            throws Exception {
        return mvc.perform(builder.with(csrf()).with(r -> {
            r.setRemoteAddr(address);
            return r;
        }));
    }

    private String signInAnswer(String email, String address) throws Exception {
        String page = request(post("/bank/" + network + "/sign-in").param("email", email), address)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page).select("main").text();
    }

    /** Asks for a link as the page does and returns its path from the mail. */
    private String mailedLink(String email) throws Exception {
        int before = MailServer.mailsTo(email).size();
        request(post("/bank/" + network + "/sign-in").param("email", email), "10.66.0." + RANDOM.nextInt(250))
                .andExpect(status().isOk());
        var mail = MailServer.awaitMails(email, before + 1).get(before);
        Matcher m = Pattern.compile("https?://[^/\"]+(/bank/[^\"\\s<]+)").matcher(MailServer.html(mail));
        assertThat(m.find()).as("a link in the mail").isTrue();
        return m.group(1);
    }

    private Cookie signIn(String email) throws Exception {
        String link = mailedLink(email);
        mvc.perform(get(link)).andExpect(status().isOk());
        MockHttpServletResponse used = mvc.perform(post(link).with(csrf())).andExpect(status().is3xxRedirection())
                .andReturn().getResponse();
        Cookie cookie = used.getCookie(KnowledgeController.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_reader WHERE token_hash = ?", Integer.class,
                org.healthycities.security.Tokens.hash(cookie.getValue()))).isEqualTo(1);
        return cookie;
    }
}
