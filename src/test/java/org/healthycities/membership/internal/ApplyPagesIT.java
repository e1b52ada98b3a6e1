package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.forms.Subject;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The public pages over HTTP: /apply with its checks, the receipt and mail, and the private link. */
@IntegrationTest
class ApplyPagesIT {

    static final Pattern LINK = Pattern.compile("/application/([A-Za-z0-9_-]{43})");

    @Autowired
    MockMvc mvc;
    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    ApplicationRepository repository;
    @Autowired
    ApplicationLinkRepository links;
    @Autowired
    org.healthycities.forms.Submissions submissions;
    @Autowired
    org.healthycities.documents.DocumentService documents;

    private static MockMultipartHttpServletRequestBuilder apply(String code, String key, byte[] pdf) {
        return apply(code, key, pdf, Map.of());
    }

    /** A complete Sund By application; {@code changes} replace fields (an empty value leaves one out). */
    private static MockMultipartHttpServletRequestBuilder apply(String code, String key, byte[] pdf,
                                                                Map<String, String> changes) {
        MockMultipartHttpServletRequestBuilder request = TestApplications.applyRequest("sund-by", key, code, changes);
        if (pdf != null) {
            request.file(new MockMultipartFile("decisionDocument", "tiltraedelse.pdf", "application/pdf", pdf));
        }
        return request;
    }

    @Test
    void theApplyPagesAreOpenToEveryone() throws Exception {
        mvc.perform(get("/apply")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sunne kommuner")));
        String page = mvc.perform(get("/apply/sund-by")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Tiltrædelsesdokumentet", "repræsentantskab", "name=\"idempotencyKey\"");
        // a Swede who has chosen no language sees Swedish
        mvc.perform(get("/apply/hc-sverige")).andExpect(redirectedUrl("/apply/hc-sverige?lang=sv"));
        mvc.perform(get("/apply/nowhere")).andExpect(status().isNotFound());
    }

    @Test
    void theMunicipalitySearchShowsTheOfficialCode() throws Exception {
        mvc.perform(get("/apply/sund-by/municipalities").param("municipalitySearch", "Tårn"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tårnby Kommune (kode 0185)")));
        // without JavaScript: the search button posts the form and keeps what was typed
        String page = mvc.perform(apply("", UUID.randomUUID().toString(), null).param("municipalitySearch", "Tårn")
                        .param("action", "search").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tårnby Kommune (kode 0185)", "Karin Koordinator").doesNotContain("error-summary");
    }

    @Test
    void invalidInput_isRefusedWithMessagesInTheApplicantsLanguage_inputKept_nothingSaved() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, List<String>> expected = Map.of(
                "da", List.of("Skriv en gyldig e-mailadresse", "Vedhæft beslutningen", "Sæt flueben i feltet"),
                "en", List.of("Enter a valid e-mail address", "Attach the decision", "Tick the box"),
                "sv", List.of("Ange en giltig e-postadress", "Bifoga beslutet", "Kryssa i rutan"),
                "nb", List.of("Skriv en gyldig e-postadresse", "Legg ved vedtaket", "Kryss av i boksen"));
        for (var language : expected.entrySet()) {
            String page = mvc.perform(apply("0185", key, null, Map.of("adminContactEmail", "ikke-en-mail",
                                    "accessionSignedByMayor", "")).cookie(new Cookie("hc-lang", language.getKey()))
                            .with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).as(language.getKey()).contains(language.getValue()).contains("ikke-en-mail", "Karin Koordinator");
        }
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    /**
     * The summary lists the refusals in the order of the page's fields (whatever order the checks ran in), each
     * linking to an element that exists, with the focus moved to it; the same message for two contacts says
     * which contact; required fields are marked in words.
     */
    @Test
    void aRefusedApplication_listsItsErrorsInTheFormsOrder_linked_andTellsTheContactsApart() throws Exception {
        String key = UUID.randomUUID().toString();
        for (String language : List.of("da", "en", "sv", "nb")) {
            String html = mvc.perform(apply(fixtures.newMunicipality("sund-by"), key, null, Map.of(
                                    "consent", "", "population", "", "coordinatorEmail", "ikke-en-mail",
                                    "politicalContactEmail", "heller-ikke", "motivation", "", "decisionDate", ""))
                            .cookie(new Cookie("hc-lang", language)).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            var page = Jsoup.parse(html);
            var summary = page.selectFirst("#error-summary");
            assertThat(summary).as(language).isNotNull();
            assertThat(summary.attr("tabindex")).isEqualTo("-1");
            assertThat(summary.hasAttr("autofocus")).as("the focus moves to the summary").isTrue();
            List<String> targets = summary.select("li a").eachAttr("href").stream().map(h -> h.substring(1)).toList();
            assertThat(targets).as(language).containsExactly("f-population", "f-politicalContactEmail",
                    "f-coordinatorEmail", "f-decisionDate", "f-decisionDocument", "f-motivation", "f-consent");
            assertThat(targets).allSatisfy(id -> assertThat(page.getElementById(id)).as(id).isNotNull());
            // the links follow the fields down the page
            List<Integer> positions = targets.stream().map(id -> page.getAllElements().indexOf(page.getElementById(id))).toList();
            assertThat(positions).isSorted();
            List<String> lines = summary.select("li").eachText();
            assertThat(lines).doesNotHaveDuplicates();
            Map<String, List<String>> contacts = Map.of(
                    "da", List.of("Politisk kontakt, E-mail:", "Foreslået koordinator, E-mail:"),
                    "en", List.of("Political contact, E-mail:", "Proposed coordinator, E-mail:"),
                    "sv", List.of("Politisk kontakt", "samordnare"),
                    "nb", List.of("Politisk kontakt", "koordinator"));
            assertThat(lines.get(1)).as(language).startsWith(contacts.get(language).get(0));
            assertThat(lines.get(2)).as(language).contains(contacts.get(language).get(1));
            // required fields: said in words beside the label, and aria-required or required
            String required = Map.of("da", "(skal udfyldes)", "en", "(required)", "sv", "(obligatoriskt)",
                    "nb", "(må fylles ut)").get(language);
            for (String id : List.of("f-population", "f-politicalContactName", "f-politicalContactEmail",
                    "f-decisionDate", "f-decisionDocument", "f-motivation", "f-consent")) {
                var input = page.getElementById(id);
                assertThat(input.hasAttr("aria-required") || input.hasAttr("required")).as(id).isTrue();
                assertThat(page.select("label[for=" + id + "] .required-note").text()).as(id).isEqualTo(required);
            }
            assertThat(page.getElementById("f-politicalContactPhone").hasAttr("aria-required")).isFalse();
            assertThat(page.select("label[for=f-politicalContactPhone] .required-note")).isEmpty();
        }
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    /**
     * A document chosen on a refused submit is kept (shown with its name and size), and the next submit without
     * a file uses it: the application's decision document is that very file, stored once.
     */
    @Test
    void theChosenDocument_survivesARefusedSubmit_andIsUsedByTheNextOne() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = ApplyController.receiptKey();
        byte[] pdf = MembershipFixtures.pdf("Tiltraedelsesdokument beholdt");
        String refused = mvc.perform(apply(code, key, pdf, Map.of("population", "")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var page = Jsoup.parse(refused);
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#f-population");
        assertThat(page.select("#f-decisionDocument-kept").text()).contains("Gemt: tiltraedelse.pdf (", "kB)");
        assertThat(page.select("#f-decisionDocument-kept button[name=action][value=removeFile]")).hasSize(1);
        assertThat(page.getElementById("f-decisionDocument").hasAttr("aria-required")).as("a kept file is enough").isFalse();
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
        // a reload of the refused page (the same key) still shows it
        String again = mvc.perform(apply(code, key, null, Map.of("population", "")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select("#error-summary a").eachAttr("href")).containsExactly("#f-population");
        assertThat(Jsoup.parse(again).select("#f-decisionDocument-kept").text()).contains("tiltraedelse.pdf");

        mvc.perform(apply(code, key, null).with(csrf())).andExpect(redirectedUrl("/apply/received/" + key));
        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        assertThat(a.getDecisionDocumentId()).isNotNull();
        assertThat(a.getDocumentProblem()).isNull();
        var stored = documents.find(a.getDecisionDocumentId()).orElseThrow();
        assertThat(stored.filename()).isEqualTo("tiltraedelse.pdf");
        assertThat(stored.ownerType()).isEqualTo(Applications.OWNER_TYPE);
        assertThat(stored.ownerId()).isEqualTo(String.valueOf(a.getId()));
        assertThat(documents.content(a.getDecisionDocumentId()).orElseThrow().readAllBytes()).isEqualTo(pdf);
        assertThat(documents.findByOwner(Applications.PENDING_OWNER_TYPE, key)).as("nothing left pending").isEmpty();
    }

    /** A new file on the next submit replaces the kept one: the application has the new one, nothing stays pending. */
    @Test
    void aNewFile_replacesTheKeptOne() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = ApplyController.receiptKey();
        mvc.perform(apply(code, key, MembershipFixtures.pdf("Det første dokument"), Map.of("population", ""))
                .with(csrf())).andExpect(status().isOk());
        assertThat(documents.findByOwner(Applications.PENDING_OWNER_TYPE, key)).hasSize(1);
        byte[] second = MembershipFixtures.pdf("Det andet dokument");

        mvc.perform(apply(code, key, second).with(csrf())).andExpect(redirectedUrl("/apply/received/" + key));
        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        assertThat(documents.content(a.getDecisionDocumentId()).orElseThrow().readAllBytes()).isEqualTo(second);
        assertThat(documents.findByOwner(Applications.PENDING_OWNER_TYPE, key)).as("nothing left pending").isEmpty();
    }

    @Test
    void aKeptDocument_canBeRemoved_andThenTheFileIsAskedForAgain() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = ApplyController.receiptKey();
        mvc.perform(apply(code, key, MembershipFixtures.pdf("Fjernes"), Map.of("population", "")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(documents.findByOwner(Applications.PENDING_OWNER_TYPE, key)).hasSize(1);
        String removed = mvc.perform(apply(code, key, null).param("action", "removeFile").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(removed).select("#f-decisionDocument-kept, #error-summary")).isEmpty();
        assertThat(documents.findByOwner(Applications.PENDING_OWNER_TYPE, key)).isEmpty();
        String refused = mvc.perform(apply(code, key, null).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(refused).select("#error-summary a").eachAttr("href")).containsExactly("#f-decisionDocument");
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    @Test
    void theFormFilesOwnRules_refuseWhatTheFileRefuses_nothingSaved() throws Exception {
        String key = UUID.randomUUID().toString();
        String page = mvc.perform(apply(fixtures.newMunicipality("sund-by"), key,
                        MembershipFixtures.pdf("Tiltraedelsesdokument"),
                        Map.of("politicalContactEmail", "borgmester@kommune")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#f-politicalContactEmail-error").text())
                .contains("Skriv en gyldig e-mailadresse");
        assertThat(page).contains("borgmester@kommune");
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    @Test
    void aNumberOrDateThatDoesNotParse_isRefusedOnItsField_nothingSaved() throws Exception {
        String key = UUID.randomUUID().toString();
        var page = Jsoup.parse(mvc.perform(apply(fixtures.newMunicipality("sund-by"), key,
                        MembershipFixtures.pdf("Tiltraedelsesdokument"),
                        Map.of("population", "mange", "decisionDate", "2026-13-45")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#f-population", "#f-decisionDate");
        assertThat(page.select("#f-population").val()).isEqualTo("mange");
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    @Test
    void aFileThatIsNotADocument_isRefusedOnTheForm() throws Exception {
        String key = UUID.randomUUID().toString();
        String page = mvc.perform(apply(fixtures.newMunicipality("sund-by"), key,
                        "MZ\u0090 not a pdf, an executable".getBytes()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("#f-decisionDocument-error").text()).isNotBlank();
        assertThat(repository.findByIdempotencyKey(key)).isEmpty();
    }

    @Test
    void aValidApplication_givesAReceiptAndAMailWithAPrivateLink() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = UUID.randomUUID().toString();
        mvc.perform(apply(code, key, MembershipFixtures.pdf("Tiltraedelsesdokument")).with(csrf()))
                .andExpect(redirectedUrl("/apply/received/" + key));
        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        String receipt = mvc.perform(get("/apply/received/" + key)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(receipt).contains(a.getReference(), "ansoeger@" + code + ".example.org");
        assertThat(a.getReference()).matches("SB-\\d{4}-\\d{5}");

        String token = privateLink("ansoeger@" + code + ".example.org");
        assertThat(links.findAll()).noneMatch(l -> l.tokenHash.equals(token)); // only the hash is stored
        String page = mvc.perform(get("/application/" + token)).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(a.getReference(), "Modtaget", "Træk ansøgningen tilbage");

        // the answers are stored once: in the application, not a second time as the forms engine's rows
        assertThat(submissions.findFor(new Subject(Applications.OWNER_TYPE, String.valueOf(a.getId()))))
                .noneMatch(x -> x.formId().equals("membership-application"));
        assertThat(a.getMunicipalityCode()).isEqualTo(code);
        assertThat(a.getAdminContactEmail()).isEqualTo("ansoeger@" + code + ".example.org");
        assertThat(a.getPopulation()).isEqualTo(43_000);
        assertThat(a.getDecisionDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(a.getConsentText()).startsWith("Vi giver samtykke til, at netværket gemmer");
        // Sund By's accession document and general-assembly seat
        assertThat(a.getAccessionSignedByMayor()).isTrue();
        assertThat(a.getCoordinatorJoinsAssembly()).isTrue();
        assertThat(a.getMayorName()).isEqualTo("Birte Ørsted");
    }

    @Test
    void aDoubleSubmit_makesOneApplication() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = UUID.randomUUID().toString();
        byte[] pdf = MembershipFixtures.pdf("Tiltraedelse");
        // a reload re-posts the same page
        mvc.perform(apply(code, key, pdf).with(csrf())).andExpect(redirectedUrl("/apply/received/" + key));
        mvc.perform(apply(code, key, pdf).with(csrf())).andExpect(redirectedUrl("/apply/received/" + key));
        // two clicks at the same moment
        String key2 = UUID.randomUUID().toString();
        String code2 = fixtures.newMunicipality("sund-by");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        Callable<String> click = () -> {
            go.await();
            return mvc.perform(apply(code2, key2, pdf).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        };
        Future<String> first = pool.submit(click);
        Future<String> second = pool.submit(click);
        go.countDown();
        assertThat(List.of(first.get(), second.get())).containsOnly("/apply/received/" + key2);
        pool.shutdown();
        assertThat(repository.findAll().stream().filter(a -> a.getMunicipalityCode().equals(code)).count()).isEqualTo(1);
        assertThat(repository.findAll().stream().filter(a -> a.getMunicipalityCode().equals(code2)).count()).isEqualTo(1);
    }

    @Test
    void anUnknownAndAnExpiredLink_showTheSameFriendlyPage() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        mvc.perform(apply(code, UUID.randomUUID().toString(), MembershipFixtures.pdf("x")).with(csrf()));
        String token = privateLink("ansoeger@" + code + ".example.org");
        ApplicationLink link = links.findAll().stream().filter(l -> l.tokenHash.equals(PrivateLinks.hash(token)))
                .findFirst().orElseThrow();
        link.expiresAt = TestClock.now().minusSeconds(1);
        links.save(link);

        MvcResult expired = mvc.perform(get("/application/" + token)).andExpect(status().isNotFound()).andReturn();
        MvcResult unknown = mvc.perform(get("/application/" + "A".repeat(43))).andExpect(status().isNotFound()).andReturn();
        MvcResult garbage = mvc.perform(get("/application/x")).andExpect(status().isNotFound()).andReturn();
        String page = Jsoup.parse(expired.getResponse().getContentAsString()).select("main").html();
        assertThat(page).contains("Linket virker ikke").doesNotContain(code);
        assertThat(Jsoup.parse(unknown.getResponse().getContentAsString()).select("main").html()).isEqualTo(page);
        assertThat(Jsoup.parse(garbage.getResponse().getContentAsString()).select("main").html()).isEqualTo(page);
        mvc.perform(post("/application/" + token + "/withdraw").param("confirm", "true").with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLinkReachesOnlyItsOwnApplication_andWithdrawsIt() throws Exception {
        String codeA = fixtures.newMunicipality("sund-by");
        String codeB = fixtures.newMunicipality("sund-by");
        String keyA = UUID.randomUUID().toString();
        String keyB = UUID.randomUUID().toString();
        mvc.perform(apply(codeA, keyA, MembershipFixtures.pdf("A")).with(csrf()));
        mvc.perform(apply(codeB, keyB, MembershipFixtures.pdf("B")).with(csrf()));
        String tokenA = privateLink("ansoeger@" + codeA + ".example.org");

        String page = mvc.perform(get("/application/" + tokenA)).andReturn().getResponse().getContentAsString();
        Application b = repository.findByIdempotencyKey(keyB).orElseThrow();
        assertThat(page).doesNotContain(b.getReference());
        Application appA = repository.findByIdempotencyKey(keyA).orElseThrow();
        mvc.perform(get("/application/" + tokenA + "/documents/" + appA.getDecisionDocumentId())).andExpect(status().isOk());
        mvc.perform(get("/application/" + tokenA + "/documents/" + b.getDecisionDocumentId()))
                .andExpect(status().isNotFound());

        String refused = mvc.perform(post("/application/" + tokenA + "/withdraw").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Sæt flueben for at bekræfte");
        mvc.perform(post("/application/" + tokenA + "/withdraw").param("confirm", "true").with(csrf()))
                .andExpect(redirectedUrl("/application/" + tokenA));
        assertThat(repository.findByIdempotencyKey(keyA).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(repository.findByIdempotencyKey(keyB).orElseThrow().getStatus().open()).isTrue();
        String after = mvc.perform(get("/application/" + tokenA)).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("I har trukket ansøgningen tilbage").doesNotContain("id=\"withdraw\"");
    }

    @Test
    void anUnreadableDocument_isReplacedThroughTheLink() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = UUID.randomUUID().toString();
        mvc.perform(apply(code, key, MembershipFixtures.brokenPdf()).with(csrf()))
                .andExpect(redirectedUrl("/apply/received/" + key));
        assertThat(mvc.perform(get("/apply/received/" + key)).andReturn().getResponse().getContentAsString())
                .contains("Vi kunne ikke læse det vedhæftede dokument");
        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        fixtures.runJobs(fixtures.instance(a).getId());
        String token = privateLink("ansoeger@" + code + ".example.org");
        assertThat(mvc.perform(get("/application/" + token)).andReturn().getResponse().getContentAsString())
                .contains("Venter på jer", "Vi har ikke et læsbart dokument");

        mvc.perform(multipart("/application/" + token + "/document")
                        .file(new MockMultipartFile("document", "ny.pdf", "application/pdf", MembershipFixtures.pdf("Ny")))
                        .with(csrf()))
                .andExpect(redirectedUrl("/application/" + token));
        fixtures.runJobs(fixtures.instance(a).getId());
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void questionsAreAnsweredThroughTheLink() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String key = UUID.randomUUID().toString();
        mvc.perform(apply(code, key, MembershipFixtures.pdf("T")).with(csrf()));
        Application a = repository.findByIdempotencyKey(key).orElseThrow();
        var pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());
        var task = fixtures.task(pi.getId(), "review");
        fixtures.complete(task, Map.of("reviewDecision", "ask", "questions", "Hvem er jeres koordinator?"));
        fixtures.runJobs(pi.getId());
        List<MimeMessage> mails = MailServer.awaitMails("ansoeger@" + code + ".example.org", 2);
        Matcher questionsMail = LINK.matcher(MailServer.html(mails.get(mails.size() - 1)));
        assertThat(questionsMail.find()).isTrue();
        String token = questionsMail.group(1);

        String page = mvc.perform(get("/application/" + token)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Hvem er jeres koordinator?", "Venter på jer");
        var refusedAnswer = Jsoup.parse(mvc.perform(post("/application/" + token + "/answer")
                        .param("f.supplementAnswer", " ").with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString());
        // the same summary as every form: linked to the field, which is marked as required, and taking the focus
        var answerSummary = refusedAnswer.selectFirst("#error-summary");
        assertThat(answerSummary.hasAttr("autofocus")).isTrue();
        assertThat(answerSummary.select("li a").eachAttr("href")).containsExactly("#f-supplementAnswer");
        assertThat(answerSummary.text()).contains("Jeres svar: Udfyld feltet.");
        assertThat(refusedAnswer.getElementById("f-supplementAnswer").attr("aria-required")).isEqualTo("true");
        assertThat(refusedAnswer.select("label[for=f-supplementAnswer] .required-note").text()).contains("skal udfyldes");
        // a new document sent without a file: the same summary
        var refusedDocument = Jsoup.parse(mvc.perform(multipart("/application/" + token + "/document").with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refusedDocument.select("#error-summary li a").eachAttr("href")).containsExactly("#document");
        assertThat(refusedDocument.getElementById("document").attr("aria-required")).isEqualTo("true");
        mvc.perform(post("/application/" + token + "/answer").param("f.supplementAnswer", "Karin Koordinator").with(csrf()))
                .andExpect(redirectedUrl("/application/" + token));
        fixtures.runJobs(pi.getId());
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(fixtures.historyKinds(a)).contains("SUPPLEMENT_ANSWERED");
        // the answer is stored per field by the forms engine
        var stored = submissions.findFor(new Subject(Applications.OWNER_TYPE, String.valueOf(a.getId()))).stream()
                .filter(x -> x.formId().equals("membership-supplement")).findFirst().orElseThrow();
        assertThat(stored.isLocked()).isTrue();
        assertThat(submissions.answers(stored.id())).containsEntry("supplementAnswer", "Karin Koordinator");
    }

    /** The token from the receipt mail (sent by the process's first step, run by the job executor). */
    private String privateLink(String address) {
        repository.findAll().stream().filter(a -> address.equals(a.getAdminContactEmail()))
                .forEach(a -> fixtures.runJobs(fixtures.instance(a).getId()));
        MimeMessage receipt = MailServer.awaitMails(address, 1).get(0);
        Matcher m = LINK.matcher(MailServer.html(receipt));
        assertThat(m.find()).as("a private link in the receipt mail").isTrue();
        return m.group(1);
    }
}
