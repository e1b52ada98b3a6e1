package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.StatementCounter;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The participants' pages and the secretariat's setup pages over HTTP (MockMvc), with CSRF and network scope. */
@IntegrationTest
class WorkshopPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkshopService workshops;
    @Autowired
    SheetStore sheets;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    TestMembers members;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String uniqueAddress() {
        return "10.77." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    private Opened opened() {
        return TestSessions.opened(workshops, "Gruppe A\nGruppe B", TestSessions.now().plusHours(2));
    }

    /** Joins through the pages and returns the private link's token. */
    private String joinByPages(Opened opened, int group, String email) throws Exception {
        String address = uniqueAddress();
        mvc.perform(post("/join").with(csrf()).with(from(address)).param("code", opened.code().toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg jeres gruppe")))
                .andExpect(content().string(containsString("Gruppe B")));
        MvcResult joined = mvc.perform(post("/join/group").with(csrf()).with(from(address))
                        .param("code", opened.code())
                        .param("groupId", String.valueOf(opened.view().groups().get(group).getId()))
                        .param("name", "").param("email", email == null ? "" : email))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = joined.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/join/s/");
        return location.substring("/join/s/".length());
    }

    private Long textQuestion(Opened opened) {
        return opened.view().questions().get(0).getId();
    }

    @Test
    void aParticipantWhoNamesTheirMunicipalityIsOnTheMembersPage() throws Exception {
        Opened opened = opened();
        var member = members.activeMember("sund-by", "0461");
        var foreign = members.activeMember("hc-sverige", "1480");
        String address = uniqueAddress();
        mvc.perform(post("/join").with(csrf()).with(from(address)).param("code", opened.code()))
                .andExpect(status().isOk()).andExpect(content().string(containsString(member.getName())))
                .andExpect(content().string(not(containsString(">" + foreign.getName() + "<"))));
        // a member of another network is not a choice: refused by name, the group choice kept
        mvc.perform(post("/join/group").with(csrf()).with(from(address)).param("code", opened.code())
                        .param("groupId", String.valueOf(opened.view().groups().get(1).getId()))
                        .param("memberId", String.valueOf(foreign.getId())).param("name", "Aase").param("email", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg en kommune fra listen.")))
                .andExpect(content().string(containsString("value=\"Aase\"")));
        mvc.perform(post("/join/group").with(csrf()).with(from(address)).param("code", opened.code())
                        .param("groupId", String.valueOf(opened.view().groups().get(1).getId()))
                        .param("memberId", String.valueOf(member.getId())).param("name", "Aase").param("email", ""))
                .andExpect(status().is3xxRedirection());
        RequestPostProcessor secretary = TestMembers.login(identity,
                TestUsers.create(identity, "medlemsside", CurrentUser.SECRETARIAT, "sund-by"));
        mvc.perform(get("/members/" + member.getId()).with(secretary).param("lang", "da"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(opened.view().workshop().getTitle() + ": "
                        + opened.view().session().getTitle() + " (1 deltager)")));
    }

    @Test
    void aParticipantJoinsByCodeChoosesAGroupAndDraftsAreSavedFieldByField() throws Exception {
        mvc.perform(get("/join")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deltag i gruppearbejde")));
        Opened opened = opened();
        String token = joinByPages(opened, 1, "");
        mvc.perform(get("/join/s/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gruppe B: svarark")))
                .andExpect(content().string(containsString("Hvad fungerer godt?")))
                .andExpect(content().string(containsString("/js/workshop.js")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId", textQuestion(opened).toString())
                        .param("version", "0").param("value", "Netværket er stærkt"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("saved"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId",
                        String.valueOf(opened.view().questions().get(1).getId())).param("version", "0").param("value", "Måske"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.message").value("Vælg en af de viste muligheder."));
        assertThat(sheets.sheet(opened.view().groups().get(1).getId()).value(textQuestion(opened)))
                .isEqualTo("Netværket er stærkt");
        mvc.perform(get("/join/s/no-such-token")).andExpect(status().isNotFound());
        mvc.perform(post("/join/s/" + token + "/field").param("questionId", "1").param("version", "0").param("value", "x")) // no CSRF token, no save
                .andExpect(status().isForbidden());
    }

    /**
     * The save a workshop's phones send while typing costs four statements (the private links' guess limit; who, where
     * and the session in one read; the field's update; its kept version) and one commit, and reads or makes no web
     * session: the link is the participant.
     */
    @Test
    void aFieldSaveIsFourStatementsInOneCommitAndNoWebSession() throws Exception {
        Opened opened = opened();
        String token = joinByPages(opened, 0, null);
        Long q = textQuestion(opened);
        MvcResult[] saved = new MvcResult[1];
        StatementCounter.Counts counts = StatementCounter.count(() -> saved[0] = mvc.perform(
                        post("/join/s/" + token + "/field").with(csrf()).param("questionId", q.toString())
                                .param("version", "0").param("value", "Første udkast"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("saved"))
                .andExpect(jsonPath("$.version").value(1)).andReturn());
        assertThat(counts.count()).as("statements: %s", counts.statements()).isLessThanOrEqualTo(4);
        assertThat(counts.statements()).noneMatch(sql -> sql.toUpperCase().contains("SPRING_SESSION"));
        assertThat(counts.commits()).isEqualTo(1);
        assertThat(saved[0].getRequest().getSession(false)).isNull();
        assertThat(saved[0].getResponse().getCookie("JSESSIONID")).isNull();
        // the next version, and the history holds both, each once
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId", q.toString())
                        .param("version", "1").param("value", "Andet udkast"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(sheets.history(opened.view().groups().get(0).getId(), q)).extracting(FieldVersion::getValue)
                .containsExactly("Første udkast", "Andet udkast");
        // a question of another session is refused on the field, and nothing is written anywhere
        Opened other = opened();
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId", textQuestion(other).toString())
                        .param("version", "0").param("value", "Forkert ark"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(sheets.valueOf(textQuestion(other))).isNull();
        mvc.perform(post("/join/s/no-such-token/field").with(csrf()).param("questionId", q.toString())
                        .param("version", "2").param("value", "x"))
                .andExpect(status().isNotFound());
    }

    @Test
    void twoPhonesInOneGroupNeverOverwriteEachOtherSilently() throws Exception {
        Opened opened = opened();
        String anne = joinByPages(opened, 0, null);
        String bo = joinByPages(opened, 0, null);
        String q = textQuestion(opened).toString();
        mvc.perform(post("/join/s/" + anne + "/field").with(csrf()).param("questionId", q).param("version", "0")
                .param("value", "Annes tekst")).andExpect(jsonPath("$.version").value(1));
        MvcResult refused = mvc.perform(post("/join/s/" + bo + "/field").with(csrf()).param("questionId", q)
                        .param("version", "0").param("value", "Bos tekst"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("conflict"))
                .andExpect(jsonPath("$.theirs").value("Annes tekst")).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.other").value("Bos tekst"))
                .andExpect(jsonPath("$.message").value(containsString("En anden i gruppen"))).andReturn();
        String conflictId = Pattern.compile("\"conflictId\":(\\d+)").matcher(refused.getResponse().getContentAsString())
                .results().findFirst().orElseThrow().group(1);
        Long groupId = opened.view().groups().get(0).getId();
        assertThat(sheets.sheet(groupId).value(textQuestion(opened))).isEqualTo("Annes tekst");
        // a repeated save of text that did arrive is no conflict (a phone retrying after a lost answer)
        mvc.perform(post("/join/s/" + anne + "/field").with(csrf()).param("questionId", q).param("version", "0")
                .param("value", "Annes tekst")).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        // Bo reloads without choosing and his phone sends his text on the version it now holds: the conflict is
        // not resolved by default, Anne's saved text stays, and the whole group sees both versions
        mvc.perform(post("/join/s/" + bo + "/field").with(csrf()).param("questionId", q).param("version", "1")
                .param("value", "Bos tekst")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.conflictId").value(Long.valueOf(conflictId)));
        assertThat(sheets.sheet(groupId).value(textQuestion(opened))).isEqualTo("Annes tekst");
        String third = joinByPages(opened, 0, null);
        mvc.perform(get("/join/s/" + third)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gruppen har flere versioner af dette svar")))
                .andExpect(content().string(containsString("Annes tekst")))
                .andExpect(content().string(containsString("Bos tekst")));
        mvc.perform(get("/join/s/" + third + "/fields")).andExpect(status().isOk())
                .andExpect(jsonPath("$.fields." + q + ".value").value("Annes tekst"))
                .andExpect(jsonPath("$.fields." + q + ".conflicts[0].value").value("Bos tekst"));
        // Bo chose to keep his version, knowing Anne's: saved on top of version 1, the conflict closed
        mvc.perform(post("/join/s/" + bo + "/field").with(csrf()).param("questionId", q).param("version", "1")
                .param("value", "Bos tekst").param("resolves", conflictId))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(sheets.sheet(groupId).conflicts(textQuestion(opened))).isEmpty();
        // the field's history keeps every saved version
        assertThat(sheets.history(groupId, textQuestion(opened))).extracting(FieldVersion::getValue)
                .containsExactly("Annes tekst", "Bos tekst");
        // without script, the whole form shows both versions and keeps the person's own text
        mvc.perform(post("/join/s/" + anne).with(csrf()).param("q" + q, "Annes nye tekst").param("v" + q, "1")
                        .param("action", "save"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Andre i gruppen har ændret nogle af svarene imens")))
                .andExpect(content().string(containsString("Bos tekst")))
                .andExpect(content().string(containsString("Annes nye tekst")));
        assertThat(sheets.sheet(opened.view().groups().get(0).getId()).value(textQuestion(opened))).isEqualTo("Bos tekst");
        // and the group chooses there too: Anne's new text, by the button beside it
        FieldConflict open = sheets.sheet(groupId).conflicts(textQuestion(opened)).get(0);
        assertThat(open.getValue()).isEqualTo("Annes nye tekst");
        mvc.perform(post("/join/s/" + anne).with(csrf()).param("q" + q, "Annes nye tekst").param("v" + q, "2")
                        .param("resolve", open.getId() + ":other").param("action", "save"))
                .andExpect(status().is3xxRedirection());
        assertThat(sheets.sheet(groupId).value(textQuestion(opened))).isEqualTo("Annes nye tekst");
        assertThat(sheets.sheet(groupId).conflicts(textQuestion(opened))).isEmpty();
        assertThat(sheets.history(groupId, textQuestion(opened))).hasSize(3);
    }

    @Test
    void anAnswerAfterTheDeadlineIsRefusedWithAMessageAndTheTextIsKept() throws Exception {
        Opened opened = opened();
        String token = joinByPages(opened, 0, null);
        String q = textQuestion(opened).toString();
        TestClock.set(opened.view().session().getDeadline().plusSeconds(5));
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId", q).param("version", "0")
                        .param("value", "For sent"))
                .andExpect(status().isGone()).andExpect(jsonPath("$.status").value("closed"))
                .andExpect(jsonPath("$.message").value(containsString("Fristen er udløbet")));
        mvc.perform(post("/join/s/" + token).with(csrf()).param("q" + q, "For sent men vigtigt").param("v" + q, "0")
                        .param("action", "submit"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Fristen er udløbet")))
                .andExpect(content().string(containsString("For sent men vigtigt")));
        assertThat(sheets.sheet(opened.view().groups().get(0).getId()).value(textQuestion(opened))).isNull();
    }

    @Test
    void aWrongCodeGetsAClearMessageAndGuessingIsLimitedPerAddress() throws Exception {
        String address = uniqueAddress();
        mvc.perform(post("/join").with(csrf()).with(from(address)).param("code", "ZZZ"))
                .andExpect(content().string(containsString("Koden findes ikke")));
        for (int i = 1; i < 10; i++) {
            mvc.perform(post("/join").with(csrf()).with(from(address)).param("code", "Q" + i + "XXXX"))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("Koden findes ikke")));
        }
        Opened opened = opened();
        mvc.perform(post("/join").with(csrf()).with(from(address)).param("code", opened.code()))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(containsString("for mange forkerte koder")));
        mvc.perform(post("/join").with(csrf()).with(from(uniqueAddress())).param("code", opened.code())) // another address is not blocked
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg jeres gruppe")));
        mvc.perform(post("/join").with(from(uniqueAddress())).param("code", opened.code())) // the public form keeps CSRF
                .andExpect(status().isForbidden());
    }

    @Test
    void aClosedCodeSaysTheGroupWorkIsClosed() throws Exception {
        Opened opened = opened();
        String token = joinByPages(opened, 0, null);
        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
        mvc.perform(post("/join").with(csrf()).with(from(uniqueAddress())).param("code", opened.code()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("er lukket")));
        mvc.perform(get("/join/s/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gruppearbejdet er lukket")));
    }

    @Test
    void theSecretariatSetsUpASessionFromTheTemplateOpensItAndShowsCodeAndQr() throws Exception {
        String secretary = TestUsers.create(identity, "ws", CurrentUser.SECRETARIAT, "sund-by");
        RequestPostProcessor user = TestMembers.login(identity, secretary);
        String title = "Koordinatordage " + UUID.randomUUID();
        mvc.perform(post("/workshops").with(user).with(csrf()).param("networkId", "sund-by").param("title", "")
                        .param("startsOn", "2026-11-15").param("endsOn", "2026-11-14"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv workshoppens titel.")))
                .andExpect(content().string(containsString("Sidste dag kan ikke ligge før første dag.")));
        MvcResult created = mvc.perform(post("/workshops").with(user).with(csrf()).param("networkId", "sund-by")
                        .param("title", title).param("startsOn", "2026-11-14").param("endsOn", "2026-11-15")
                        .param("place", "Odense"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String workshopUrl = created.getResponse().getRedirectedUrl();
        mvc.perform(post(workshopUrl + "/sessions").with(user).with(csrf()).param("title", "Gruppearbejde")
                        .param("deadline", "2001-01-01T10:00").param("groups", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fristen skal ligge ude i fremtiden.")))
                .andExpect(content().string(containsString("Mellem 1 og 100 grupper.")));
        MvcResult session = mvc.perform(post(workshopUrl + "/sessions").with(user).with(csrf())
                        .param("title", "Gruppearbejde").param("deadline", TestSessions.now().plusHours(3).withNano(0).toString())
                        .param("groups", "5"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String sessionUrl = session.getResponse().getRedirectedUrl();
        mvc.perform(post(sessionUrl + "/open").with(user).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Sessionen har ingen arbejdsspørgsmål.")));
        String page = mvc.perform(get(sessionUrl).with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Gruppe 5")))
                .andReturn().getResponse().getContentAsString();
        Matcher template = Pattern.compile("<option value=\"(\\d+)\">Skabelon: Strategiworkshop 2017").matcher(page);
        assertThat(template.find()).as("the 2017 template is offered").isTrue();
        mvc.perform(post(sessionUrl + "/copy").with(user).with(csrf()).param("from", template.group(1)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(sessionUrl).with(user)).andExpect(content().string(containsString("Opgave 3: Temagrupperne")))
                .andExpect(content().string(containsString("Hvordan kan vi dele viden på tværs af temagrupperne?")));
        // the code is remembered in the web session (in the database): the browser sends its cookie back
        Cookie web = mvc.perform(post(sessionUrl + "/open").with(user).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("JSESSIONID");
        assertThat(web).as("a web session cookie").isNotNull();
        String projector = mvc.perform(get(sessionUrl + "/projector").with(user).cookie(web))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher code = Pattern.compile("class=\"join-code\">([" + Codes.ALPHABET + "]{6})<").matcher(projector);
        assertThat(code.find()).as("the projector shows the code").isTrue();
        assertThat(projector).doesNotContain("<script>").doesNotContain("style=\"");
        byte[] png = mvc.perform(get(sessionUrl + "/qr.png").with(user).cookie(web))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        // the image is the code alone, as made: without PURE_BARCODE the reader failed on 16 of 3,000 random codes
        String scanned = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(scanned).endsWith("/join?code=" + code.group(1));
        mvc.perform(get(sessionUrl + "/projector").with(user)) // another browser: the code is not kept in clear
                .andExpect(content().string(not(containsString(code.group(1)))));

        // another network's secretariat sees none of it
        String swede = TestUsers.create(identity, "se", CurrentUser.SECRETARIAT, "hc-sverige");
        RequestPostProcessor other = TestMembers.login(identity, swede);
        for (String path : new String[] {workshopUrl, sessionUrl, sessionUrl + "/live", sessionUrl + "/live/table",
                sessionUrl + "/projector", sessionUrl + "/consolidate", sessionUrl + "/summary",
                sessionUrl + "/summary.pdf", sessionUrl + "/answers.xlsx"}) {
            mvc.perform(get(path).with(other)).andExpect(status().isNotFound());
        }
        mvc.perform(post(sessionUrl + "/close").with(other).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(sessionUrl + "/close").with(user)) // CSRF
                .andExpect(status().isForbidden());
        mvc.perform(get("/workshops")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theConsolidationTaskIsShownAndCompletedOnTheTaskList() throws Exception {
        Opened opened = opened();
        workshops.closeEarly(TestSessions.SUND_BY, opened.id());
        long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        org.camunda.bpm.engine.task.Task task;
        while ((task = taskService.createTaskQuery().processInstanceBusinessKey(String.valueOf(opened.id()))
                .taskDefinitionKey(WorkshopProcess.CONSOLIDATE_TASK).singleResult()) == null) {
            assertThat(System.nanoTime()).as("consolidation task").isLessThan(end);
            Thread.sleep(100);
        }
        String secretary = TestUsers.create(identity, "task", CurrentUser.SECRETARIAT, "sund-by");
        RequestPostProcessor user = TestMembers.login(identity, secretary);
        mvc.perform(get("/tasks/" + task.getId()).with(user)).andExpect(status().isOk())
                .andExpect(content().string(containsString(opened.view().session().getTitle())))
                .andExpect(content().string(containsString("/workshops/sessions/" + opened.id() + "/consolidate")))
                .andExpect(content().string(containsString("Afslut og send opsamlingen")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/tasks/" + task.getId() + "/complete").with(user).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(workshops.session(TestSessions.SUND_BY, opened.id()).orElseThrow().session().getStatus())
                .isEqualTo(WorkshopSession.Status.CONSOLIDATED);
    }

    @Test
    void theLiveViewShowsPerGroupAndQuestionWhatIsAnswered() throws Exception {
        Opened opened = opened();
        String token = joinByPages(opened, 1, null);
        mvc.perform(post("/join/s/" + token + "/field").with(csrf()).param("questionId", textQuestion(opened).toString())
                .param("version", "0").param("value", "Svar"));
        String secretary = TestUsers.create(identity, "live", CurrentUser.SECRETARIAT, "sund-by");
        mvc.perform(get("/workshops/sessions/" + opened.id() + "/live").with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("hx-trigger=\"every 3s\"")));
        String table = mvc.perform(get("/workshops/sessions/" + opened.id() + "/live/table")
                        .with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(table).doesNotContain("<html");
        Matcher rowA = Pattern.compile("data-group=\"Gruppe A\">(.*?)</tr>", Pattern.DOTALL).matcher(table);
        Matcher rowB = Pattern.compile("data-group=\"Gruppe B\">(.*?)</tr>", Pattern.DOTALL).matcher(table);
        assertThat(rowA.find() && rowB.find()).isTrue();
        assertThat(rowA.group(1)).doesNotContain(">besvaret<");
        assertThat(rowB.group(1)).contains(">besvaret<").contains(">ikke besvaret<");
    }
}
