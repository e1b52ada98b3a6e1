package org.healthycities.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
        assertThat(page).contains(fixtures.reload(a).reference, "Testby", "beslutning.pdf", "Ansøgning modtaget",
                "Send til bestyrelsen", "20000");
        // another network's secretariat does not see it
        mvc.perform(get("/tasks/" + review).with(TestMembers.login(identity, swede))).andExpect(status().isNotFound());

        // ask without questions: refused, nothing done
        String refused = mvc.perform(post("/tasks/" + review + "/complete").param("reviewDecision", "ask")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Skriv spørgsmålene til ansøgeren");
        assertThat(fixtures.task(pi.getId(), "review")).isNotNull();

        mvc.perform(post("/tasks/" + review + "/complete").param("reviewDecision", "approve")
                        .param("reviewNote", "Alt i orden").param("fee", "19500")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        Application reviewed = fixtures.reload(a);
        assertThat(reviewed.status).isEqualTo(ApplicationStatus.WITH_BOARD);
        assertThat(reviewed.reviewNote).isEqualTo("Alt i orden");
        assertThat(reviewed.feeSetBy).isEqualTo(secretary);
        assertThat(runtime.getVariables(pi.getId())).containsEntry("reviewDecision", "approve")
                .doesNotContainKey("reviewNote");

        String board = fixtures.task(pi.getId(), "board").getId();
        mvc.perform(post("/tasks/" + board + "/complete").param("boardDecision", "approve")
                        .param("boardDecisionDate", "2026-11-20").param("boardNote", "Velkommen")
                        .with(TestMembers.login(identity, boardMember)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        fixtures.runJobs(pi.getId());
        assertThat(members.findByCode("sund-by", code)).isPresent();

        assertThat(audit.entries("sund-by", MembershipAudit.RECORD_TYPE, String.valueOf(a.id)))
                .extracting(e -> e.userId() + " " + e.action())
                .contains(secretary + " membership.history.REVIEW_APPROVE", boardMember + " membership.history.BOARD_APPROVE");
        String meeting = fixtures.task(pi.getId(), "welcomeMeeting").getId();
        String meetingPage = mvc.perform(get("/tasks/" + meeting).with(TestMembers.login(identity, secretary)))
                .andReturn().getResponse().getContentAsString();
        assertThat(meetingPage).contains("Bestyrelsen: godkendt", "Medlem oprettet");
    }
}
