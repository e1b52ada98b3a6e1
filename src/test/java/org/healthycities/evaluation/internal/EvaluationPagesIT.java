package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.evaluation.Progress;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestPdfs;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.util.MultiValueMap;

/** The coordinator's private-link pages and the secretariat's pages, through HTTP. */
@IntegrationTest
class EvaluationPagesIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundService rounds;
    @Autowired EvaluationService evaluations;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.healthycities.tasks.AuditLog audit;
    @Autowired org.healthycities.documents.DocumentService documents;

    String network;
    EvaluationRound round;
    List<MemberEvaluation> members;
    List<Long> goals;
    String secretary;

    @BeforeEach
    void setUp() {
        network = testNetworks.create("evw", 5, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        testMembers.activeMember(network, TestNetworks.code(1));
        testMembers.activeMember(network, TestNetworks.code(2));
        TestClock.startAt(LocalDateTime.of(2032, 3, 10, 9, 30)); // a fixed day whose time runs
        round = rounds.startByHand(network, 2040, "test");
        EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 2
                && management.createJobQuery().tenantIdIn(network).executable().count() == 0);
        members = evaluationRepository.findByRoundIdOrderByMemberName(round.getId());
        goals = testNetworks.goalIds(network);
        secretary = TestUsers.create(identity, "evsek", CurrentUser.SECRETARIAT, network);
    }

    /** The version of the form the page shows, which a post sends back. */
    private int version(MemberEvaluation e) {
        return EvaluationTestSupport.version(evaluations, e.getId());
    }

    private MockMultipartHttpServletRequestBuilder postForm(String token, MultiValueMap<String, String> params) {
        MockMultipartHttpServletRequestBuilder b = multipart("/evaluation/" + token);
        params.forEach((k, values) -> values.forEach(v -> b.param(k, v)));
        b.with(csrf());
        return b;
    }

    @Test
    void theLinkOpensOnlyItsOwnEvaluationAndBadLinksGetTheSameFriendlyPage() throws Exception {
        String token = evaluations.newLink(members.get(0).getId());
        mvc.perform(get("/evaluation/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString(members.get(0).getMemberName())))
                .andExpect(content().string(not(containsString(members.get(1).getMemberName()))))
                .andExpect(content().string(containsString(TestNetworks.GOALS.get(1))))
                .andExpect(content().string(containsString("Godt i gang")));
        mvc.perform(get("/evaluation/not-a-real-token-0123456789abcdef")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Linket virker ikke")));
        jdbc.update("UPDATE evaluation_link SET expires_at = ? WHERE token_hash = ?", Timestamp.from(TestClock.now().minusSeconds(1)),
                EvaluationLinks.hash(token));
        mvc.perform(get("/evaluation/" + token)).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Linket virker ikke")));
    }

    @Test
    void anIncompleteSubmissionIsRefusedWithInputKeptAndNothingSaved() throws Exception {
        MemberEvaluation e = members.get(0);
        String token = evaluations.newLink(e.getId());
        int before = version(e);
        var params = EvaluationTestSupport.answers(before, goals, Progress.STARTED);
        params.remove("f.goals[2].progress");
        params.set("f.inequality", "");
        params.set("f.activities[0].title", "");
        params.add("action", "submit");
        var page = org.jsoup.Jsoup.parse(mvc.perform(postForm(token, params)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("#error-summary li").eachText()).containsExactly(
                "Pejlemærke 3, Hvor langt er I?: Udfyld feltet.", "Aktivitet 1, Titel: Udfyld feltet.",
                "Hvordan har arbejdet taget fat på ulighed i sundhed?: Udfyld feltet.");
        assertThat(page.select("input[name=f.activities[0].partners]").attr("value")).isEqualTo("Skoler, Vejdirektoratet");
        assertThat(page.select("input[name=f.goals[0].progress][value=STARTED]").hasAttr("checked")).isTrue();
        MemberEvaluation after = evaluations.evaluation(e.getId());
        assertThat(after.getStatus()).isEqualTo(EvaluationStatus.INVITED);
        assertThat(version(after)).isEqualTo(before);
        assertThat(evaluations.answers(after).inequalityText()).isNull();
    }

    /**
     * The summary follows the page (goals, then activities, then the inequality text), links to elements that
     * exist, takes the focus, and names the goal or activity when the same message comes twice.
     */
    @Test
    void aRefusedSubmission_listsItsErrorsInThePagesOrder_namingTheGoalAndTheActivity() throws Exception {
        MemberEvaluation e = members.get(0);
        String token = evaluations.newLink(e.getId());
        var params = EvaluationTestSupport.answers(version(e), goals, Progress.STARTED);
        params.set("f.inequality", "");
        params.remove("f.goals[0].progress");
        params.remove("f.goals[2].progress");
        params.set("f.activities[0].title", "");
        params.add("f.activities[1].title", "");
        params.add("f.activities[1].partners", "Foreningerne");
        params.add("f.activities[1].status", "ONGOING");
        params.add("action", "submit");
        String html = mvc.perform(postForm(token, params)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        var page = org.jsoup.Jsoup.parse(html);
        var summary = page.selectFirst("#error-summary");
        assertThat(summary).isNotNull();
        assertThat(summary.hasAttr("autofocus")).isTrue();
        assertThat(summary.attr("tabindex")).isEqualTo("-1");
        List<String> targets = summary.select("li a").eachAttr("href").stream().map(h -> h.substring(1)).toList();
        assertThat(targets).containsExactly("f-goals-0--progress-0", "f-goals-2--progress-0",
                "f-activities-0--title", "f-activities-1--title", "f-inequality");
        assertThat(targets).allSatisfy(id -> assertThat(page.getElementById(id)).as(id).isNotNull());
        assertThat(targets.stream().map(id -> page.getAllElements().indexOf(page.getElementById(id))).toList()).isSorted();
        List<String> lines = summary.select("li").eachText();
        assertThat(lines).doesNotHaveDuplicates();
        assertThat(lines.get(0)).startsWith("Pejlemærke 1, Hvor langt er I?:");
        assertThat(lines.get(1)).startsWith("Pejlemærke 3, Hvor langt er I?:");
        assertThat(lines.get(2)).startsWith("Aktivitet 1, Titel:");
        assertThat(lines.get(3)).startsWith("Aktivitet 2, Titel:");
        // what a submission needs is marked
        assertThat(page.getElementById("f-inequality").attr("aria-required")).isEqualTo("true");
        assertThat(page.select("label[for=f-inequality] .required-note").text()).isNotBlank();
        assertThat(page.getElementById("f-goals-0--progress-0").hasAttr("required")).isTrue();
        assertThat(version(evaluations.evaluation(e.getId()))).isEqualTo(version(e));
    }

    /** The parts of the long form are listed at the top with their state; the count follows what is saved. */
    @Test
    void theFormListsItsPartsWithProgress_thatChangesWhenAPartIsSaved() throws Exception {
        MemberEvaluation e = members.get(0);
        String token = evaluations.newLink(e.getId());
        var page = org.jsoup.Jsoup.parse(mvc.perform(get("/evaluation/" + token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        var nav = page.selectFirst("nav.form-sections");
        assertThat(nav).isNotNull();
        List<String> anchors = nav.select("li a").eachAttr("href");
        assertThat(anchors).containsExactly("#f-goals", "#f-activities", "#f-sdg-0", "#f-inequality", "#f-document");
        assertThat(anchors).allSatisfy(a -> assertThat(page.getElementById(a.substring(1))).as(a).isNotNull());
        assertThat(nav.select("#sections-progress").text()).isEqualTo("0 af 5 dele er udfyldt");
        assertThat(nav.select("progress").attr("value")).isEqualTo("0");

        // the goals only, as a draft
        var goalsOnly = new org.springframework.util.LinkedMultiValueMap<String, String>();
        goalsOnly.add("version", String.valueOf(version(e)));
        for (int i = 0; i < goals.size(); i++) {
            goalsOnly.add("f.goals[" + i + "].progress", "STARTED");
        }
        goalsOnly.add("action", "save");
        mvc.perform(postForm(token, goalsOnly)).andExpect(status().is3xxRedirection());
        var afterGoals = org.jsoup.Jsoup.parse(mvc.perform(get("/evaluation/" + token)).andReturn().getResponse()
                .getContentAsString());
        assertThat(afterGoals.select("#sections-progress").text()).isEqualTo("1 af 5 dele er udfyldt");
        assertThat(afterGoals.select("nav.form-sections li").get(0).select(".state").text()).isEqualTo("(udfyldt)");
        assertThat(afterGoals.select("nav.form-sections li").get(1).select(".state").text()).isEqualTo("(mangler)");

        // everything, with the action plan
        var all = EvaluationTestSupport.answers(version(e), goals, Progress.STARTED);
        all.add("action", "save");
        mvc.perform(postForm(token, all).file(new MockMultipartFile("f.document", "handleplan.pdf", "application/pdf",
                TestPdfs.withText("Handleplan")))).andExpect(status().is3xxRedirection());
        var done = org.jsoup.Jsoup.parse(mvc.perform(get("/evaluation/" + token)).andReturn().getResponse()
                .getContentAsString());
        assertThat(done.select("#sections-progress").text()).isEqualTo("5 af 5 dele er udfyldt");
        assertThat(done.select("nav.form-sections progress").attr("value")).isEqualTo("5");
    }

    /** An action plan chosen on a refused submission is kept, and the next submission without a file uses it. */
    @Test
    void theChosenActionPlan_survivesARefusedSubmission_andIsUsedByTheNextOne() throws Exception {
        MemberEvaluation e = members.get(0);
        String token = evaluations.newLink(e.getId());
        byte[] pdf = TestPdfs.withText("Handleplan beholdt");
        var refused = EvaluationTestSupport.answers(version(e), goals, Progress.STARTED);
        refused.set("f.inequality", "");
        refused.add("action", "submit");
        var page = org.jsoup.Jsoup.parse(mvc.perform(postForm(token, refused).file(new MockMultipartFile("f.document",
                        "handleplan.pdf", "application/pdf", pdf))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#error-summary a").eachAttr("href")).containsExactly("#f-inequality");
        assertThat(page.select("#f-document-file").text()).contains("handleplan.pdf");
        assertThat(evaluations.evaluation(e.getId()).getDocumentId()).as("nothing saved yet").isNull();
        // a reload keeps it too
        assertThat(mvc.perform(get("/evaluation/" + token)).andReturn().getResponse().getContentAsString())
                .contains("handleplan.pdf");

        var submit = EvaluationTestSupport.answers(version(e), goals, Progress.STARTED);
        submit.add("action", "submit");
        mvc.perform(postForm(token, submit)).andExpect(status().is3xxRedirection());
        MemberEvaluation after = evaluations.evaluation(e.getId());
        assertThat(after.getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(after.getDocumentId()).isNotNull();
        var stored = documents.find(after.getDocumentId()).orElseThrow();
        assertThat(stored.filename()).isEqualTo("handleplan.pdf");
        assertThat(stored.ownerType()).isEqualTo(org.healthycities.forms.Submissions.DOCUMENT_OWNER);
        long submission = evaluations.submission(after).id();
        assertThat(stored.ownerId()).isEqualTo(String.valueOf(submission));
        assertThat(documents.content(after.getDocumentId()).orElseThrow().readAllBytes()).isEqualTo(pdf);
        assertThat(evaluations.answers(after).documentId()).isEqualTo(after.getDocumentId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE owner_type LIKE 'pending-%' AND owner_id LIKE ?",
                Integer.class, submission + ":%")).as("nothing left pending").isZero();
    }

    @Test
    void aDraftIsResumedThenSubmittedThenSentBackShowsTheComment() throws Exception {
        MemberEvaluation e = members.get(0);
        String token = evaluations.newLink(e.getId());
        var draft = EvaluationTestSupport.answers(version(e), goals, Progress.STARTED);
        draft.set("f.inequality", "Første udkast om ulighed");
        draft.add("action", "save");
        // the message after the redirect travels in the web session (in the database): follow it with its cookie
        var saved = mvc.perform(postForm(token, draft)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        mvc.perform(get("/evaluation/" + token).cookie(saved))
                .andExpect(content().string(containsString("Første udkast om ulighed")))
                .andExpect(content().string(containsString("Kladden er gemt")));
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.DRAFT);

        var submit = EvaluationTestSupport.answers(version(e), goals, Progress.ACHIEVED);
        submit.add("action", "submit");
        mvc.perform(postForm(token, submit).file(new MockMultipartFile("f.document", "handleplan.txt", "text/plain",
                        "ikke en pdf".getBytes())))
                .andExpect(status().isOk()); // a refused upload keeps everything unsaved
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.DRAFT);
        var submitted = mvc.perform(postForm(token, submit)).andExpect(status().is3xxRedirection()).andReturn()
                .getResponse().getCookie("JSESSIONID");
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);
        mvc.perform(get("/evaluation/" + token).cookie(submitted))
                .andExpect(content().string(containsString("Tak! Evalueringen er indsendt")))
                .andExpect(content().string(not(containsString("name=\"f.inequality\""))));

        var login = TestMembers.login(identity, secretary);
        mvc.perform(post("/evaluations/" + e.getId() + "/review").with(login).with(csrf()).param("decision", "sendBack").param("comment", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluations.evaluation(e.getId()).getStatus()).as("no comment, not sent back").isEqualTo(EvaluationStatus.SUBMITTED);
        mvc.perform(post("/evaluations/" + e.getId() + "/review").with(login).with(csrf())
                        .param("decision", "sendBack").param("comment", "Tilføj partnerne på aktivitet 1."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/evaluation/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sekretariatet har sendt evalueringen tilbage")))
                .andExpect(content().string(containsString("Tilføj partnerne på aktivitet 1.")))
                .andExpect(content().string(containsString("Vi har arbejdet med mål 1")));
    }

    @Test
    void theReviewersCommentOnAnAcceptedEvaluationReachesTheCoordinator() throws Exception {
        MemberEvaluation e = members.get(1);
        EvaluationTestSupport.save(evaluations, e.getId(), EvaluationTestSupport.answers(0, goals, Progress.ACHIEVED), true);
        mvc.perform(post("/evaluations/" + e.getId() + "/review").with(TestMembers.login(identity, secretary))
                        .with(csrf()).param("decision", "accept").param("comment", "Flot arbejde med partnerskaberne."))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.ACCEPTED);
        // the secretariat's page names the activity's world goals in order (3 before 11), never by code
        String page = mvc.perform(get("/evaluations/" + e.getId()).with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String activities = page.substring(page.indexOf("Sund skolevej"));
        assertThat(activities).doesNotContain("SDG11");
        assertThat(activities.indexOf(">3. ")).isPositive().isLessThan(activities.indexOf(">11. "));
        // on the coordinator's page
        mvc.perform(get("/evaluation/" + evaluations.newLink(e.getId()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sekretariatet har godkendt evalueringen")))
                .andExpect(content().string(containsString("Flot arbejde med partnerskaberne.")));
        // and in the coordinator's mail, over SMTP (the test members share one address: found by the comment)
        String to = evaluations.evaluation(e.getId()).getCoordinatorEmail();
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        jakarta.mail.internet.MimeMessage accepted = null;
        while (accepted == null && System.nanoTime() < end) {
            for (var m : org.healthycities.support.MailServer.mailsTo(to)) {
                if (m.getSubject().contains("er godkendt")
                        && org.healthycities.support.MailServer.text(m).contains("Flot arbejde med partnerskaberne.")) {
                    accepted = m;
                }
            }
            Thread.sleep(100);
        }
        assertThat(accepted).as("the acceptance mail with the comment").isNotNull();
        assertThat(org.healthycities.support.MailServer.text(accepted)).contains(e.getMemberName(), network);
    }

    @Test
    void theSecretariatSeesItsOwnNetworkOnlyAndTheReportExports() throws Exception {
        MemberEvaluation e = members.get(0);
        EvaluationTestSupport.save(evaluations, e.getId(), EvaluationTestSupport.answers(0, goals, Progress.WELL_UNDER_WAY), true);
        var mine = TestMembers.login(identity, secretary);
        var other = TestMembers.login(identity, TestUsers.create(identity, "evandet", CurrentUser.SECRETARIAT, "hc-sverige"));
        for (String url : List.of("/evaluations/rounds/" + round.getId(), "/evaluations/" + e.getId(),
                "/evaluations/rounds/" + round.getId() + "/report", "/evaluations/rounds/" + round.getId() + "/answers.xlsx",
                "/evaluations/networks/" + network + "/trend", "/evaluations/members/" + e.getMemberId() + "/history")) {
            mvc.perform(get(url).with(mine)).andExpect(status().isOk());
            mvc.perform(get(url).with(other)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/evaluations/rounds/" + round.getId())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/evaluations").with(other)).andExpect(content().string(not(containsString(network))));

        mvc.perform(get("/evaluations/rounds/" + round.getId() + "/report").with(mine))
                .andExpect(content().string(containsString("Besvaret: 1 af 2 (50 %)")))
                .andExpect(content().string(containsString(members.get(1).getMemberName())))
                .andExpect(content().string(containsString("data-chart=")));
        byte[] xlsx = mvc.perform(get("/evaluations/rounds/" + round.getId() + "/answers.xlsx").with(mine))
                .andExpect(header().string("Content-Disposition", containsString("evaluering-2040.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetAt(1).getLastRowNum()).as("one row per goal answered").isEqualTo(goals.size());
            assertThat(book.getSheetAt(1).getRow(1).getCell(2).getStringCellValue()).isEqualTo("Godt i gang");
            assertThat(book.getSheetAt(2).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Sund skolevej");
        }
        byte[] pdf = mvc.perform(get("/evaluations/rounds/" + round.getId() + "/report.pdf").with(mine))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void theReviewIsDoneOnTheTaskListWithTheAnswersBesideIt() throws Exception {
        MemberEvaluation e = members.get(0);
        EvaluationTestSupport.save(evaluations, e.getId(), EvaluationTestSupport.answers(0, goals, Progress.ACHIEVED), true);
        var task = taskService.createTaskQuery().tenantIdIn(network).taskDefinitionKey("Task_Review")
                .processInstanceBusinessKey(e.getId().toString()).singleResult();
        var login = TestMembers.login(identity, secretary);
        mvc.perform(get("/tasks/" + task.getId()).with(login)).andExpect(status().isOk())
                .andExpect(content().string(containsString(e.getMemberName())))
                .andExpect(content().string(containsString("Sund skolevej")))
                .andExpect(content().string(containsString("Send tilbage med kommentaren")));
        mvc.perform(post("/tasks/" + task.getId() + "/complete").with(login).with(csrf()).param("decision", "sendBack"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Skriv en kommentar, så koordinatoren ved, hvad der skal rettes.")));
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);
        mvc.perform(post("/tasks/" + task.getId() + "/complete").with(login).with(csrf()).param("decision", "accept"))
                .andExpect(status().is3xxRedirection());
        MemberEvaluation accepted = evaluations.evaluation(e.getId());
        assertThat(accepted.getStatus()).isEqualTo(EvaluationStatus.ACCEPTED);
        assertThat(accepted.getReviewedBy()).isEqualTo(secretary);
        assertThat(audit.entries(network, "evaluation", e.getId().toString())).extracting(a -> a.action())
                .contains("evaluation.event.ACCEPTED");
    }

    @Test
    void theSettingsSayWhenRemindersComeAndTakeAnyDayAMonthCanHave() throws Exception {
        var login = TestMembers.login(identity, secretary);
        mvc.perform(get("/evaluations").with(login)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Koordinatoren får en påmindelse 14 dage efter invitationen")))
                .andExpect(content().string(containsString("med 7 dage eller mindre ingen")));
        var saved = mvc.perform(post("/evaluations/settings").with(login).with(csrf()).param("network", network)
                .param("autoStart", "false").param("startMonth", "2").param("startDay", "29").param("answerDays", "20")
                .param("graceDays", "5")).andReturn().getFlashMap();
        assertThat(saved.get("settingsSaved")).isEqualTo(true);
        assertThat(rounds.settings(network).startDateIn(2031)).as("29 February in a common year").isEqualTo(LocalDate.of(2031, 2, 28));
        assertThat(rounds.settings(network).startDateIn(2032)).isEqualTo(LocalDate.of(2032, 2, 29));
        var refused = mvc.perform(post("/evaluations/settings").with(login).with(csrf()).param("network", network)
                .param("autoStart", "false").param("startMonth", "4").param("startDay", "31").param("answerDays", "20")
                .param("graceDays", "5")).andReturn().getFlashMap();
        assertThat(refused.get("settingsError")).isEqualTo(true);
        assertThat(rounds.settings(network).getStartMonth()).as("nothing saved").isEqualTo(2);
    }

    @Test
    void theSecretariatStartsARoundAndExtendsADeadlineWithClearRefusals() throws Exception {
        var login = TestMembers.login(identity, secretary);
        mvc.perform(post("/evaluations/start").with(login).with(csrf()).param("network", network).param("year", "2040"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/evaluations").with(login).flashAttr("startError", "x"))
                .andExpect(status().isOk());
        var refused = mvc.perform(post("/evaluations/start").with(login).with(csrf()).param("network", network).param("year", "2040"))
                .andReturn().getFlashMap().get("startError");
        assertThat(refused).isEqualTo("Der er allerede en runde for 2040.");
        var notAYear = mvc.perform(post("/evaluations/start").with(login).with(csrf()).param("network", network).param("year", "sidste år"))
                .andReturn().getFlashMap().get("startError");
        assertThat(notAYear).isEqualTo("Skriv et årstal, fx 2025.");
        mvc.perform(post("/evaluations/start").with(login).with(csrf()).param("network", "hc-sverige").param("year", "2040"))
                .andExpect(status().isNotFound());

        MemberEvaluation e = members.get(1);
        var tooLate = mvc.perform(post("/evaluations/" + e.getId() + "/extend").with(login).with(csrf())
                .param("deadline", round.getClosesOn().plusDays(3).toString())).andReturn().getFlashMap().get("extendError");
        assertThat(tooLate).isEqualTo("evaluation.extend.afterClose");
        mvc.perform(post("/evaluations/" + e.getId() + "/extend").with(login).with(csrf())
                .param("deadline", round.getDeadline().plusDays(3).toString())).andExpect(status().is3xxRedirection());
        assertThat(evaluations.evaluation(e.getId()).getDeadline()).isEqualTo(round.getDeadline().plusDays(3));
        mvc.perform(get("/evaluations/rounds/" + round.getId()).with(login))
                .andExpect(content().string(containsString(e.getMemberName())))
                .andExpect(content().string(containsString("Invitationer sendt: 2 af 2")));
    }

    @Test
    void lastYearsActivitiesAreOfferedAndCarriedOverAndTheActionPlanIsSearchable() throws Exception {
        MemberEvaluation last = members.get(0);
        EvaluationTestSupport.save(evaluations, last.getId(), EvaluationTestSupport.answers(0, goals, Progress.STARTED), true);
        EvaluationRound next = rounds.startByHand(network, 2041, "test");
        EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(next.getId()).invited() == 2);
        MemberEvaluation e = evaluationRepository.findByRoundIdOrderByMemberName(next.getId()).stream()
                .filter(m -> m.getMemberId().equals(last.getMemberId())).findFirst().orElseThrow();
        String token = evaluations.newLink(e.getId());
        int carried = evaluations.lastYear(e, evaluations.context(e)).get(0).position();
        mvc.perform(get("/evaluation/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"carry\" value=\"" + carried + "\"")))
                .andExpect(content().string(containsString("Sund skolevej")));

        var params = EvaluationTestSupport.answers(version(e), goals, Progress.ACHIEVED);
        params.keySet().removeIf(k -> k.startsWith("f.activities["));
        params.add("carry", String.valueOf(carried));
        params.add("action", "carryOver");
        var carriedOver = org.jsoup.Jsoup.parse(mvc.perform(postForm(token, params)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(carriedOver.select("input[name=f.activities[0].title]").attr("value")).isEqualTo("Sund skolevej");
        assertThat(carriedOver.select("input[name=f.activities[0].sdgs][value=SDG11]").hasAttr("checked")).isTrue();

        var submit = EvaluationTestSupport.answers(version(e), goals, Progress.ACHIEVED);
        submit.add("action", "submit");
        mvc.perform(postForm(token, submit).file(new MockMultipartFile("f.document", "handlingsplan-2041.pdf",
                        "application/pdf", TestPdfs.withText("Handlingsplan med cykelstier og motionsvenner"))))
                .andExpect(status().is3xxRedirection());
        assertThat(evaluations.evaluation(e.getId()).getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);
        mvc.perform(get("/documents").param("q", "motionsvenner").with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("handlingsplan-2041.pdf")));
    }
}
