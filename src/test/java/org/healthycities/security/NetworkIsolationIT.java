package org.healthycities.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A Swedish secretariat user cannot read or change a Danish member: not by page, not by REST, not by guessing ids. */
@IntegrationTest
class NetworkIsolationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestMembers testMembers;
    @Autowired
    MemberService members;

    String swede;
    String dane;
    String boardMember;
    Member taarnby;

    @BeforeEach
    void setUp() {
        swede = TestUsers.create(identity, "sverige", CurrentUser.SECRETARIAT, "hc-sverige");
        dane = TestUsers.create(identity, "danmark", CurrentUser.SECRETARIAT, "sund-by");
        boardMember = TestUsers.create(identity, "board", CurrentUser.BOARD, "sund-by");
        taarnby = testMembers.activeMember("sund-by", "0185");
    }

    @Test
    void theSwedeCannotSeeTheDanishMemberOnPagesOrApi() throws Exception {
        String url = "/members/" + taarnby.getId();
        mvc.perform(get(url).with(login(dane))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Tårnby Kommune")));
        mvc.perform(get(url).with(login(swede))).andExpect(status().isNotFound());
        mvc.perform(get(url + "/edit").with(login(swede))).andExpect(status().isNotFound());
        mvc.perform(get("/api/members/" + taarnby.getId()).with(login(swede))).andExpect(status().isNotFound());
        mvc.perform(get("/members?q=Tårnby").with(login(swede)))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Tårnby Kommune"))));
    }

    @Test
    void theSwedeCannotChangeTheDanishMember() throws Exception {
        mvc.perform(post("/members/" + taarnby.getId() + "/edit").with(login(swede)).with(csrf())
                        .param("version", String.valueOf(taarnby.getVersion()))
                        .param("code", "0185").param("name", "Hacked").param("status", "RESIGNED"))
                .andExpect(status().isNotFound());
        assertThat(testMembers.reload(taarnby).getName()).isEqualTo("Tårnby Kommune");
    }

    @Test
    void guessingIdsShowsTheSameAnswerAsAMissingMember() throws Exception {
        mvc.perform(get("/members/99999999").with(login(swede))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + taarnby.getId()).with(login(swede))).andExpect(status().isNotFound());
    }

    @Test
    void theEngineRestApiShowsEachSecretariatOnlyItsOwnNetwork() {
        for (String tenant : new String[] {"sund-by", "hc-sverige"}) {
            repository.createDeployment().tenantId(tenant).enableDuplicateFiltering(true)
                    .addClasspathResource("processes/tenant-probe.bpmn").deploy();
        }
        String danishInstance = runtime.createProcessInstanceByKey("tenant-probe")
                .processDefinitionTenantId("sund-by").execute().getId();
        assertThat(danishInstance).isNotNull();
        var forSwede = rest.withBasicAuth(swede, TestUsers.PASSWORD)
                .getForEntity("/engine-rest/process-instance/" + danishInstance, String.class);
        assertThat(forSwede.getStatusCode()).as(forSwede.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(forSwede.getBody()).doesNotContain("\"id\":\"" + danishInstance + "\"");
        var forDane = rest.withBasicAuth(dane, TestUsers.PASSWORD)
                .getForEntity("/engine-rest/process-instance/" + danishInstance, String.class);
        assertThat(forDane.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(forDane.getBody()).contains("sund-by");
        var swedishTasks = rest.withBasicAuth(swede, TestUsers.PASSWORD)
                .getForEntity("/engine-rest/task?processInstanceId=" + danishInstance, String.class);
        assertThat(swedishTasks.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(swedishTasks.getBody()).isEqualTo("[]");
        String danishTasks = rest.withBasicAuth(dane, TestUsers.PASSWORD)
                .getForObject("/engine-rest/task?processInstanceId=" + danishInstance, String.class);
        assertThat(danishTasks).contains("Review");
    }

    @Test
    void theEngineRestApiAnswers401WithoutCredentialsAnd403ForTheBoard() {
        assertThat(rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password on a user of its own, so that no other test's user is slowed down
        assertThat(rest.withBasicAuth(TestUsers.create(identity, "wrong", CurrentUser.SECRETARIAT, "sund-by"), "wrong").getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth(boardMember, TestUsers.PASSWORD)
                .getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", TestUsers.ADMIN_PASSWORD)
                .getForEntity("/engine-rest/tenant", String.class).getBody())
                .contains("sund-by", "hc-sverige", "sunne-kommuner");
    }

    @Test
    void camundasOpenSetupPageIsClosedBecauseTheAdminIsACamundaAdmin() {
        var setup = rest.postForEntity("/camunda/api/admin/setup/default/user/create",
                new org.springframework.http.HttpEntity<>("{\"profile\":{\"id\":\"intruder\"},"
                        + "\"credentials\":{\"password\":\"intruder-Pa55\"}}", jsonHeaders()), String.class);
        assertThat(setup.getStatusCode()).as(setup.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    }

    private static org.springframework.http.HttpHeaders jsonHeaders() {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return headers;
    }

    private RequestPostProcessor login(String user) {
        return TestMembers.login(identity, user);
    }
}
