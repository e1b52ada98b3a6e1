package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.UploadResult;
import org.healthycities.network.MemberService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The process runs from Camunda's REST API: start by key in the network's tenant, list tasks, complete them. */
@IntegrationTest
class MembershipRestIT {

    @Autowired
    TaskService engineTasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    DocumentService documents;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    MemberService members;

    static Map<String, Object> value(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    @Test
    void startListAndCompleteOverRest() throws Exception {
        String secretary = TestUsers.create(identity, "rest", CurrentUser.SECRETARIAT, "sund-by");
        String swede = TestUsers.create(identity, "restse", CurrentUser.SECRETARIAT, "hc-sverige");
        TestRestTemplate api = rest.withBasicAuth(secretary, TestUsers.PASSWORD);
        String code = fixtures.newMunicipality("sund-by");
        UploadResult.Stored doc = (UploadResult.Stored) documents.store("sund-by", Applications.OWNER_TYPE, "paper",
                "tiltraedelse.pdf", new ByteArrayInputStream(MembershipFixtures.pdf("Tiltraedelsesdokument")));

        Map<String, Object> variables = Map.ofEntries(
                Map.entry("municipalityCode", value(code, "String")),
                Map.entry("population", value(43000, "Integer")),
                Map.entry("politicalContactName", value("Birte Ørsted", "String")),
                Map.entry("politicalContactEmail", value("borgmester@" + code + ".example.org", "String")),
                Map.entry("adminContactName", value("Aase Ansøger", "String")),
                Map.entry("adminContactEmail", value("ansoeger@" + code + ".example.org", "String")),
                Map.entry("coordinatorName", value("Karin Koordinator", "String")),
                Map.entry("coordinatorEmail", value("koordinator@" + code + ".example.org", "String")),
                Map.entry("decisionDate", value("2026-09-01", "String")),
                Map.entry("decisionBody", value("Byrådet", "String")),
                Map.entry("accessionSignedByMayor", value(true, "Boolean")),
                Map.entry("mayorName", value("Birte Ørsted", "String")),
                Map.entry("coordinatorJoinsAssembly", value(true, "Boolean")),
                Map.entry("motivation", value("Indsendt på papir", "String")),
                Map.entry("consent", value(true, "Boolean")),
                Map.entry("decisionDocumentId", value(doc.document().id(), "Long")));
        ResponseEntity<Map<String, Object>> started = api.exchange(
                "/engine-rest/process-definition/key/membership-onboarding/tenant-id/sund-by/start", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables)), new ParameterizedTypeReference<>() { });
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        String pid = (String) started.getBody().get("id");
        assertThat(started.getBody().get("tenantId")).isEqualTo("sund-by");

        Application a = applications.findAll().stream().filter(x -> code.equals(x.getMunicipalityCode())).findFirst().orElseThrow();
        assertThat(fixtures.instance(a).getId()).isEqualTo(pid);
        assertThat(a.getConsentText()).contains(secretary);
        fixtures.runJobs(pid);

        List<Map<String, Object>> tasks = tasks(api, pid);
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo("review"));
        assertThat(tasks(rest.withBasicAuth(swede, TestUsers.PASSWORD), pid)).isEmpty();

        complete(api, (String) tasks.get(0).get("id"), Map.of("reviewDecision", value("approve", "String")));
        List<Map<String, Object>> board = tasks(api, pid);
        assertThat(board).singleElement().satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo("board"));
        String boardTask = (String) board.get(0).get("id");
        Map<String, Object> approve = Map.of("boardDecision", value("approve", "String"),
                "boardDecisionDate", value("2026-11-20", "String"));
        // the board's decision is the board's: the engine refuses the secretariat, over REST as on our pages
        ResponseEntity<String> refused = api.postForEntity("/engine-rest/task/" + boardTask + "/complete",
                Map.of("variables", approve), String.class);
        assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> claim = api.postForEntity("/engine-rest/task/" + boardTask + "/claim",
                Map.of("userId", secretary), String.class);
        assertThat(claim.getStatusCode()).as(claim.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks(api, pid)).singleElement().satisfies(t -> {
            assertThat(t.get("taskDefinitionKey")).isEqualTo("board");
            assertThat(t.get("assignee")).isNull();
        });
        String boardMember = TestUsers.create(identity, "restbest", CurrentUser.BOARD, "sund-by");
        identity.setAuthentication(boardMember, List.of(CurrentUser.BOARD), List.of("sund-by"));
        try {
            engineTasks.claim(boardTask, boardMember);
            engineTasks.complete(boardTask, Map.of("boardDecision", "approve", "boardDecisionDate", "2026-11-20"));
        } finally {
            identity.clearAuthentication();
        }
        fixtures.runJobs(pid);

        assertThat(tasks(api, pid)).singleElement()
                .satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo("welcomeMeeting"));
        assertThat(fixtures.reload(a).getStatus()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(members.findByCode("sund-by", code)).isPresent();
    }

    @Test
    void anIncompleteStartIsRefused() {
        String secretary = TestUsers.create(identity, "rest", CurrentUser.SECRETARIAT, "sund-by");
        ResponseEntity<String> response = rest.withBasicAuth(secretary, TestUsers.PASSWORD).postForEntity(
                "/engine-rest/process-definition/key/membership-onboarding/tenant-id/sund-by/start",
                Map.of("variables", Map.of("municipalityCode", value("0185", "String"))), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(response.getBody()).contains("The application is not complete");
    }

    private static List<Map<String, Object>> tasks(TestRestTemplate api, String pid) {
        return api.exchange("/engine-rest/task?processInstanceId=" + pid, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    }

    private static void complete(TestRestTemplate api, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> done = api.postForEntity("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", variables), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }
}
