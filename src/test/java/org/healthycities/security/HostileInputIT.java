package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.healthycities.documents.internal.BadUploads;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.workshop.internal.TestWorkshops;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The bad-upload corpus and script-injection strings against every upload and text field of the three
 * processes: /apply and its decision document, the applicant's supplement answer and new document, the
 * workshop participants' answers, the coordinator's evaluation (texts and action plan). Bad files are
 * refused by content with a message in the user's language and nothing is stored; injected strings are
 * stored as typed and served escaped, to the person and to the staff who read them.
 */
@IntegrationTest
class HostileInputIT {

    /** Script injection in the forms that reach the page as text, attribute, or template expression. */
    static final List<String> INJECTIONS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "</textarea><svg onload=alert(3)>",
            "javascript:alert(4)",
            "[[${7*7}]] __${T(java.lang.Runtime)}__ {{7*7}}",
            "' OR '1'='1'; --");

    static final String ALL = String.join(" ", INJECTIONS);

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired SecurityFixture fixture;
    @Autowired TestApplications applications;
    @Autowired TestWorkshops workshops;
    @Autowired TestEvaluations evaluations;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @LocalServerPort int port;

    private long documents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class);
    }

    /**
     * A file that is not a document of an allowed type is refused in the form. A file of the right type that
     * cannot be read (bomb, encrypted, corrupt, nested) does not cost the applicant the application: it is
     * received, the receipt says the document could not be read and a new one will be asked for; the bad
     * file itself is never stored.
     */
    @Test
    void applyRefusesEveryBadDecisionDocumentAndStoresNoneOfThem() throws Exception {
        int inForm = 0;
        int received = 0;
        for (BadUploads.Upload bad : BadUploads.corpus()) {
            String key = UUID.randomUUID().toString();
            long before = documents();
            MockHttpServletResponse r = mvc.perform(apply(key, applications.newMunicipality(SecurityFixture.SUND_BY), Map.of())
                            .file(new MockMultipartFile("decisionDocument", bad.filename(), "application/pdf", bad.bytes())))
                    .andReturn().getResponse();
            if (r.getStatus() == 200) {
                Document page = Jsoup.parse(r.getContentAsString());
                assertThat(page.select("#f-decisionDocument-error").text()).as(bad.what()).isNotBlank()
                        .doesNotContain("membership.", "documents.");
                assertThat(applications.exists(key)).as(bad.what()).isFalse();
                inForm++;
            } else {
                assertThat(r.getRedirectedUrl()).as(bad.what()).isEqualTo("/apply/received/" + key);
                String receipt = mvc.perform(get("/apply/received/" + key).with(SecurityFixture.freshAddress()))
                        .andReturn().getResponse().getContentAsString();
                assertThat(Jsoup.parse(receipt).select(".error-summary").text()).as(bad.what()).isNotBlank()
                        .doesNotContain("membership.");
                assertThat(applications.documentIdByKey(key)).as(bad.what()).isNull();
                received++;
            }
            assertThat(documents()).as(bad.what()).isEqualTo(before);
        }
        System.out.printf("hostile input: /apply refused %d bad files in the form, received %d without the file%n",
                inForm, received);
        assertThat(inForm).isGreaterThanOrEqualTo(4);
    }

    @Test
    void applyStoresInjectedTextAsTypedAndTheStaffSeeItEscaped() throws Exception {
        String code = applications.newMunicipality(SecurityFixture.SUND_BY);
        String key = UUID.randomUUID().toString();
        // first a refusal (no document): the page comes back with everything typed, escaped
        MockHttpServletResponse refused = mvc.perform(apply(key, code, Map.of("motivation", ALL, "decisionBody", ALL,
                "politicalContactName", INJECTIONS.get(1), "adminContactName", INJECTIONS.get(0)))).andReturn().getResponse();
        assertThat(applications.exists(key)).isFalse();
        assertNoScript("/apply refused", refused.getContentAsString(), ALL);
        MockHttpServletResponse r = mvc.perform(apply(key, code, Map.of("motivation", ALL, "decisionBody", ALL,
                        "politicalContactName", INJECTIONS.get(1), "adminContactName", INJECTIONS.get(0)))
                        .file(new MockMultipartFile("decisionDocument", "b.pdf", "application/pdf",
                                BadUploads.pdf("Beslutning " + ALL))))
                .andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/apply/received/" + key);
        assertThat(applications.motivation(key)).isEqualTo(ALL);
        assertNoScript("/apply/received", mvc.perform(get("/apply/received/" + key)).andReturn().getResponse()
                .getContentAsString(), null);
        assertNoScript("/members", mvc.perform(get("/tasks?all=true").with(fixture.login("admin"))).andReturn()
                .getResponse().getContentAsString(), null);
    }

    @Test
    void theApplicantsLinkRefusesBadDocumentsAndEscapesQuestionsAndAnswers() throws Exception {
        TestApplications.Created a = applications.apply(SecurityFixture.SUND_BY);
        // the secretariat's question is shown on the applicant's page: staff text is escaped too
        applications.ask(a, "Hvem? " + ALL);
        Long documentBefore = applications.documentId(a.id());
        for (BadUploads.Upload bad : BadUploads.corpus()) {
            long before = documents();
            MockHttpServletResponse r = mvc.perform(multipart("/application/" + a.token() + "/document")
                            .file(new MockMultipartFile("f.document", bad.filename(), "application/pdf", bad.bytes()))
                            .with(csrf()).with(SecurityFixture.freshAddress())
                            .cookie(new jakarta.servlet.http.Cookie("hc-lang", "en")))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).as(bad.what()).isEqualTo(200);
            String error = Jsoup.parse(r.getContentAsString()).select("[id$=error], .error, [role=alert]").text();
            assertThat(error).as(bad.what()).isNotBlank().doesNotContain("membership.", "documents.");
            assertThat(documents()).as(bad.what()).isEqualTo(before);
            assertThat(applications.documentId(a.id())).as(bad.what()).isEqualTo(documentBefore);
        }
        String page = mvc.perform(get("/application/" + a.token())).andReturn().getResponse().getContentAsString();
        assertNoScript("/application questions", page, ALL);

        var answered = mvc.perform(post("/application/" + a.token() + "/answer").param("f.supplementAnswer", ALL)
                .with(csrf())).andReturn().getResponse();
        assertThat(answered.getStatus()).isEqualTo(302);
        assertThat(applications.status(a.id())).isNotEqualTo("WAITING_FOR_APPLICANT");
        // the review the answer returns to (through an async step): its page shows the question and the answer escaped
        applications.runJobs(a);
        String reviewId = tasks.createTaskQuery().processDefinitionKey("membership-onboarding")
                .processInstanceBusinessKey(String.valueOf(a.id())).singleResult().getId();
        String task = mvc.perform(get("/tasks/" + reviewId).with(fixture.login(fixture.world().admin())))
                .andReturn().getResponse().getContentAsString();
        assertNoScript("/tasks/{id}", task, ALL);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM form_answer WHERE text_value = ?", Long.class, ALL))
                .as("the answer stored as typed").isPositive();
    }

    @Test
    void participantsAnswersAreStoredAsTypedAndEscapedForThemAndTheSecretariat() throws Exception {
        TestWorkshops.Opened w = workshops.opened();
        var saved = mvc.perform(post("/join/s/" + w.participantToken() + "/field").with(csrf())
                .param("questionId", String.valueOf(w.textQuestionId())).param("version", "0").param("value", ALL))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT a.value FROM workshop_answer a JOIN workshop_sheet s ON s.id = a.sheet_id"
                + " WHERE s.group_id = ? AND a.question_id = ?", String.class, w.groupId(), w.textQuestionId()))
                .isEqualTo(ALL);
        // the name typed at join is shown to the secretariat
        mvc.perform(post("/join/group").with(csrf()).with(SecurityFixture.freshAddress()).param("code", w.code())
                .param("groupId", String.valueOf(w.groupId())).param("name", INJECTIONS.get(1)).param("email", ""))
                .andExpect(status().is3xxRedirection());
        assertNoScript("/join/s sheet", mvc.perform(get("/join/s/" + w.participantToken())).andReturn()
                .getResponse().getContentAsString(), ALL);
        String secretary = fixture.world().secretariat();
        for (String staffPage : List.of("/live", "/live/table")) {
            assertNoScript("/workshops/sessions" + staffPage, mvc.perform(get("/workshops/sessions/" + w.sessionId()
                    + staffPage).with(fixture.login(secretary))).andReturn().getResponse().getContentAsString(), null);
        }
        // and in a real browser, the sheet runs no injected script (the page's own script does run)
        try (Browser browser = Browser.open(port, true)) {
            browser.go("/join/s/" + w.participantToken());
            assertThat(browser.find("textarea").getAttribute("value")).contains(INJECTIONS.get(0));
            Object injected = browser.driver().executeScript(
                    "return document.querySelectorAll('script:not([src]), img[onerror], svg[onload]').length");
            assertThat(injected).isEqualTo(0L);
            assertNoAlert(browser);
        }
    }

    @Test
    void theCoordinatorsFormRefusesBadActionPlansAndStoresInjectedTextsAsTyped() throws Exception {
        TestEvaluations.Started e = evaluations.started("hostile", 2042);
        for (BadUploads.Upload bad : BadUploads.corpus()) {
            String before = evaluations.state(e.evaluationId());
            long docs = documents();
            MockHttpServletResponse r = mvc.perform(evaluation(e, "save", "Første udkast")
                            .file(new MockMultipartFile("f.document", bad.filename(), "application/pdf", bad.bytes())))
                    .andReturn().getResponse();
            assertThat(r.getStatus()).as(bad.what()).isEqualTo(200);
            assertThat(Jsoup.parse(r.getContentAsString()).select("[role=alert], .error-summary, .error").text())
                    .as(bad.what()).isNotBlank().doesNotContain("evaluation.", "documents.");
            assertThat(evaluations.state(e.evaluationId())).as(bad.what()).isEqualTo(before);
            assertThat(documents()).as(bad.what()).isEqualTo(docs);
        }
        var saved = mvc.perform(evaluation(e, "save", ALL)).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(evaluations.texts(e.evaluationId())).containsExactly(ALL, ALL);
        assertNoScript("/evaluation", mvc.perform(get("/evaluation/" + e.token())).andReturn().getResponse()
                .getContentAsString(), ALL);
    }

    private MockMultipartHttpServletRequestBuilder evaluation(TestEvaluations.Started e, String action, String text) {
        MockMultipartHttpServletRequestBuilder b = multipart("/evaluation/" + e.token());
        b.param("version", String.valueOf(evaluations.version(e.evaluationId())));
        for (int i = 0; i < e.goalIds().size(); i++) {
            b.param("f.goals[" + i + "].progress", "STARTED").param("f.goals[" + i + "].whatDone", text);
        }
        b.param("f.activities[0].title", text.length() > 300 ? text.substring(0, 300) : text)
                .param("f.activities[0].goal", e.goalIds().get(0).toString())
                .param("f.activities[0].status", "DONE").param("f.activities[0].partners", text)
                .param("f.activities[0].sdgs", "SDG3").param("f.sdg", "SDG3").param("f.sixP", "PEOPLE")
                .param("f.inequality", text).param("f.wishes", text)
                .param("action", action);
        b.with(csrf());
        b.with(SecurityFixture.freshAddress());
        return b;
    }

    private static MockMultipartHttpServletRequestBuilder apply(String key, String code, Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = TestApplications.applyRequest(SecurityFixture.SUND_BY, key,
                code, changes);
        request.with(csrf());
        request.with(SecurityFixture.freshAddress());
        return request;
    }

    /**
     * The page runs no injected script: no inline script element, no on* attribute, no javascript: URL, none
     * of the raw strings in the HTML; and the text itself is on the page (as text or a field's value).
     */
    static void assertNoScript(String what, String html, String shown) {
        Document page = Jsoup.parse(html);
        List<String> problems = new ArrayList<>(WebSecurityIT.inlineScript(what, page));
        for (String raw : List.of("<script>alert(1)", "<img src=x onerror", "<svg onload")) {
            if (html.contains(raw)) {
                problems.add(what + ": unescaped " + raw);
            }
        }
        assertThat(problems).isEmpty();
        if (shown != null) {
            String visible = page.text() + " " + String.join(" ", page.select("input, textarea").eachAttr("value"))
                    + " " + page.select("textarea").eachText();
            assertThat(visible).as(what + " shows the text as typed").contains(shown);
        }
    }

    private static void assertNoAlert(Browser browser) {
        try {
            browser.driver().switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // no dialog: the injected strings did not run
        }
    }
}
