package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.network.MemberService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.tasks.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The secretariat and the board work membership tasks on our /tasks pages; decisions land in the audit log. */
@IntegrationTest
class MembershipTasksIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    RuntimeService runtime;
    @Autowired
    AuditLog audit;
    @Autowired
    MemberService members;

    @Test
    void reviewAndBoardDecisionOnOurTaskPages() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        Application a = fixtures.apply("sund-by", code);
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());
        String secretary = TestUsers.create(identity, "sekr", CurrentUser.SECRETARIAT, "sund-by");
        String boardMember = TestUsers.create(identity, "best", CurrentUser.BOARD, "sund-by");
        String swede = TestUsers.create(identity, "sverige", CurrentUser.SECRETARIAT, "hc-sverige");

        String review = fixtures.task(pi.getId(), "review").getId();
        String page = mvc.perform(get("/tasks/" + review).with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(fixtures.reload(a).getReference(), "Testby", "beslutning.pdf", "Ansøgning modtaget",
                "Send til bestyrelsen");
        // the form file, rendered by the forms engine, prefilled with the fee the process computed
        assertThat(page).contains("data-form-id=\"membership-review\"", "name=\"f.reviewDecision\"",
                "id=\"f-fee\"", "value=\"20000\"");
        // another network's secretariat does not see it
        mvc.perform(get("/tasks/" + review).with(TestMembers.login(identity, swede))).andExpect(status().isNotFound());
        // the task list finds the task by the municipality's name, which is neither the task's name nor its key
        String name = fixtures.reload(a).getMunicipalityName();
        assertThat(mvc.perform(get("/tasks").param("view", "ALL").param("q", name.substring(0, name.length() - 3))
                .with(TestMembers.login(identity, secretary))).andReturn().getResponse().getContentAsString())
                .contains("/tasks/" + review);
        assertThat(mvc.perform(get("/tasks").param("view", "ALL").param("q", name)
                .with(TestMembers.login(identity, swede))).andReturn().getResponse().getContentAsString())
                .doesNotContain("/tasks/" + review);
        // the card says whom and which case it is about, and the reference finds it too
        String reference = fixtures.reload(a).getReference();
        org.jsoup.nodes.Document list = org.jsoup.Jsoup.parse(mvc.perform(get("/tasks").param("view", "ALL")
                .param("q", reference.toLowerCase()).with(TestMembers.login(identity, secretary))).andReturn()
                .getResponse().getContentAsString());
        assertThat(list.select("article:has(a[href=/tasks/" + review + "]) .task-subject").text())
                .isEqualTo(name + " · " + reference);
        // the page's help does not send the secretary to the page they are on; the button says what it does
        org.jsoup.nodes.Document task = org.jsoup.Jsoup.parse(page);
        assertThat(task.select("main").text()).doesNotContain("(/tasks)");
        assertThat(task.select("button.complete-task [data-complete-default]").text()).isEqualTo("Send vurderingen");
        assertThat(task.select("button.complete-task [data-complete-value=approve]").text())
                .isEqualTo("Send til bestyrelsen");
        assertThat(task.select("button.complete-task [data-complete-value=ask]").attr("data-complete-field"))
                .isEqualTo("f.reviewDecision");

        // ask without questions: the file's rule (required when shown) refuses; nothing done, input kept
        String refused = mvc.perform(post("/tasks/" + review + "/complete").param("f.reviewDecision", "ask")
                        .param("f.fee", "19500")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Spørgsmål til ansøgeren: Udfyld feltet", "href=\"#f-questions\"",
                "value=\"19500\"");
        // reject without a reason: membership's own rule
        assertThat(mvc.perform(post("/tasks/" + review + "/complete").param("f.reviewDecision", "reject")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString())
                .contains("Skriv en begrundelse");
        // a fee the file's rule (min 0) refuses
        assertThat(mvc.perform(post("/tasks/" + review + "/complete").param("f.reviewDecision", "approve")
                        .param("f.fee", "-5").with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString())
                .contains("Årligt kontingent: ");
        assertThat(fixtures.task(pi.getId(), "review")).isNotNull();
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);

        // questions typed but hidden (the decision is not "ask"): not kept
        mvc.perform(post("/tasks/" + review + "/complete").param("f.reviewDecision", "approve")
                        .param("f.reviewNote", "Alt i orden").param("f.fee", "19500")
                        .param("f.questions", "Ikke relevant")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        Application reviewed = fixtures.reload(a);
        assertThat(reviewed.getStatus()).isEqualTo(ApplicationStatus.WITH_BOARD);
        assertThat(reviewed.getReviewNote()).isEqualTo("Alt i orden");
        assertThat(reviewed.getQuestions()).isNull();
        assertThat(reviewed.getFee()).isEqualByComparingTo("19500");
        assertThat(reviewed.getFeeSetBy()).isEqualTo(secretary);
        assertThat(runtime.getVariables(pi.getId())).containsEntry("reviewDecision", "approve")
                .doesNotContainKeys("reviewNote", "questions");

        String board = fixtures.task(pi.getId(), "board").getId();
        assertThat(mvc.perform(get("/tasks/" + board).with(TestMembers.login(identity, boardMember)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-form-id=\"membership-board-decision\"",
                        "value=\"" + java.time.LocalDate.ofInstant(org.healthycities.support.TestClock.now(), org.healthycities.support.TestClock.COPENHAGEN) + "\"");
        mvc.perform(post("/tasks/" + board + "/complete").param("f.boardDecision", "approve")
                        .param("f.boardDecisionDate", "2026-11-20").param("f.boardNote", "Velkommen")
                        .with(TestMembers.login(identity, boardMember)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJobs(pi.getId());
        assertThat(members.findByCode("sund-by", code)).isPresent();

        assertThat(audit.entries("sund-by", MembershipAudit.RECORD_TYPE, String.valueOf(a.getId())))
                .extracting(e -> e.userId() + " " + e.action())
                .contains(secretary + " membership.history.REVIEW_APPROVE", boardMember + " membership.history.BOARD_APPROVE");
        String meeting = fixtures.task(pi.getId(), "welcomeMeeting").getId();
        String meetingPage = mvc.perform(get("/tasks/" + meeting).with(TestMembers.login(identity, secretary)))
                .andReturn().getResponse().getContentAsString();
        assertThat(meetingPage).contains("Bestyrelsen: godkendt", "Medlem oprettet",
                "data-form-id=\"membership-welcome-meeting\"");
        mvc.perform(post("/tasks/" + meeting + "/complete").param("f.meetingDate", "2026-12-01")
                        .param("f.meetingNote", "Aftalt temagrupper")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(audit.entries("sund-by", MembershipAudit.RECORD_TYPE, String.valueOf(a.getId())))
                .extracting(e -> e.userId() + " " + e.action())
                .contains(secretary + " membership.history.WELCOME_MEETING_HELD");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    /** The board reads the application's documents from its board task; nobody else's, nowhere else. */
    @Test
    void theBoardReadsTheApplicationsDocumentsFromItsBoardTaskOnly() throws Exception {
        Application a = fixtures.apply("sund-by", fixtures.newMunicipality("sund-by"));
        Application other = fixtures.apply("sund-by", fixtures.newMunicipality("sund-by"));
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());
        fixtures.runJobs(fixtures.instance(other).getId());
        String review = fixtures.task(pi.getId(), "review").getId();
        String boardMember = TestUsers.create(identity, "best", CurrentUser.BOARD, "sund-by");
        String swedishBoard = TestUsers.create(identity, "best", CurrentUser.BOARD, "hc-sverige");
        String document = "/documents/" + fixtures.reload(a).getDecisionDocumentId();

        // before the board has a task: not from the review task, and never from the secretariat's /documents
        mvc.perform(get("/tasks/" + review + document).with(TestMembers.login(identity, boardMember)))
                .andExpect(status().isNotFound());
        mvc.perform(get(document).with(TestMembers.login(identity, boardMember))).andExpect(status().isForbidden());

        fixtures.complete(fixtures.task(pi.getId(), "review"), java.util.Map.of("reviewDecision", "approve"));
        fixtures.runJobs(pi.getId());
        String board = fixtures.task(pi.getId(), "board").getId();
        String page = mvc.perform(get("/tasks/" + board).with(TestMembers.login(identity, boardMember)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/tasks/" + board + document + "\"");
        byte[] pdf = mvc.perform(get("/tasks/" + board + document).with(TestMembers.login(identity, boardMember)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        // another application's document through this task; this task for another network's board
        mvc.perform(get("/tasks/" + board + "/documents/" + fixtures.reload(other).getDecisionDocumentId())
                        .with(TestMembers.login(identity, boardMember)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks/" + board + document).with(TestMembers.login(identity, swedishBoard)))
                .andExpect(status().isNotFound());
        // the secretariat reads it from the review's history as before
        String secretary = TestUsers.create(identity, "sekr", CurrentUser.SECRETARIAT, "sund-by");
        mvc.perform(get("/tasks/" + review + document).with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk());
    }
}
