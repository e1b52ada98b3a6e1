package org.healthycities.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.tasks.AuditEntry;
import org.healthycities.tasks.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The task list and task page over HTTP: network scoping, filters, claiming, completing, history. */
@IntegrationTest
class TaskPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    TaskFixtures fixtures;
    @Autowired
    AuditLog auditLog;
    @Autowired
    TestRestTemplate rest;

    String dane;
    String otherDane;
    String swede;
    String danishBoard;
    String swedishBoard;
    String danishCase;

    @BeforeEach
    void setUp() {
        dane = TestUsers.create(identity, "dk", CurrentUser.SECRETARIAT, "sund-by");
        otherDane = TestUsers.create(identity, "dk2", CurrentUser.SECRETARIAT, "sund-by");
        swede = TestUsers.create(identity, "se", CurrentUser.SECRETARIAT, "hc-sverige");
        danishBoard = TestUsers.create(identity, "dkboard", CurrentUser.BOARD, "sund-by");
        swedishBoard = TestUsers.create(identity, "seboard", CurrentUser.BOARD, "hc-sverige");
        danishCase = fixtures.startCase("sund-by");
    }

    @Test
    void aSecretariatSeesOnlyItsOwnNetworksTasksAndCannotTouchOthers() throws Exception {
        Task review = fixtures.task(danishCase, "overdueReview");
        String swedishCase = fixtures.startCase("hc-sverige");
        Task swedishReview = fixtures.task(swedishCase, "overdueReview");

        mvc.perform(get("/tasks").param("q", danishCase).with(login(dane))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + review.getId())));
        mvc.perform(get("/tasks").param("q", "T-").param("view", "ALL").with(login(swede)))
                .andExpect(content().string(containsString("/tasks/" + swedishReview.getId())))
                .andExpect(content().string(not(containsString("/tasks/" + review.getId()))));
        mvc.perform(get("/tasks").param("q", danishCase).param("network", "sund-by").with(login(swede)))
                .andExpect(content().string(not(containsString("/tasks/" + review.getId()))));

        mvc.perform(get("/tasks/" + review.getId()).with(login(swede))).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + review.getId() + "/claim").with(login(swede)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + review.getId() + "/complete").param("decision", "approve")
                .with(login(swede)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/tasks/no-such-task").with(login(swede))).andExpect(status().isNotFound());

        Task after = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(after).as("the Danish task is untouched").isNotNull();
        assertThat(after.getAssignee()).isNull();
        assertThat(auditLog.entries("sund-by", TestReviewHandler.RECORD_TYPE, danishCase)).isEmpty();
        // and a page that changes something needs the CSRF token
        mvc.perform(post("/tasks/" + review.getId() + "/claim").with(login(dane)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theBoardSeesTheBoardTasksOfItsOwnNetwork() throws Exception {
        Task decision = fixtures.task(danishCase, "boardDecision");
        Task review = fixtures.task(danishCase, "overdueReview");
        mvc.perform(get("/tasks").param("q", danishCase).with(login(danishBoard))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + decision.getId())))
                .andExpect(content().string(not(containsString("/tasks/" + review.getId()))));
        mvc.perform(get("/tasks").param("q", danishCase).with(login(swedishBoard)))
                .andExpect(content().string(not(containsString("/tasks/" + decision.getId()))));
        mvc.perform(get("/tasks/" + decision.getId()).with(login(swedishBoard))).andExpect(status().isNotFound());
        // the board may not claim the secretariat's review
        mvc.perform(post("/tasks/" + review.getId() + "/claim").with(login(danishBoard)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("en gruppe, du ikke er med i")));
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();

        mvc.perform(post("/tasks/" + decision.getId() + "/complete").with(login(danishBoard)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(history.createHistoricTaskInstanceQuery().taskId(decision.getId()).singleResult().getAssignee())
                .isEqualTo(danishBoard);
    }

    @Test
    void filtersByProcessDueStateAndViewAndSortsByDueDate() throws Exception {
        Task overdue = fixtures.task(danishCase, "overdueReview");
        Task soon = fixtures.task(danishCase, "soonReview");
        Task plain = fixtures.task(danishCase, "plainTask");

        String all = body(get("/tasks").param("q", danishCase).with(login(dane)));
        assertThat(all).contains("/tasks/" + overdue.getId(), "/tasks/" + soon.getId(), "/tasks/" + plain.getId())
                .doesNotContain("/tasks/" + fixtures.task(danishCase, "boardDecision").getId());
        assertThat(all.indexOf("/tasks/" + overdue.getId())).as("overdue first")
                .isLessThan(all.indexOf("/tasks/" + soon.getId()));
        assertThat(all.indexOf("/tasks/" + soon.getId())).as("no due date last")
                .isLessThan(all.indexOf("/tasks/" + plain.getId()));
        assertThat(all).contains("<span class=\"overdue\">", "Fristen er overskredet", "Snart", "4 opgaver");
        assertThat(all.split("<span class=\"overdue\">", -1)).as("only the overdue task is marked").hasSize(2);

        String overdueOnly = body(get("/tasks").param("q", danishCase).param("due", "OVERDUE").with(login(dane)));
        assertThat(overdueOnly).contains("/tasks/" + overdue.getId()).doesNotContain("/tasks/" + soon.getId(),
                "/tasks/" + plain.getId());
        String soonOnly = body(get("/tasks").param("q", danishCase).param("due", "SOON").with(login(dane)));
        assertThat(soonOnly).contains("/tasks/" + soon.getId()).doesNotContain("/tasks/" + overdue.getId());
        String withoutDue = body(get("/tasks").param("q", danishCase).param("due", "NONE").with(login(dane)));
        assertThat(withoutDue).contains("/tasks/" + plain.getId()).doesNotContain("/tasks/" + overdue.getId());

        assertThat(body(get("/tasks").param("q", danishCase).param("process", TaskFixtures.PROCESS).with(login(dane))))
                .contains("/tasks/" + overdue.getId()).contains("<option value=\"tasks-test\" selected=\"selected\">Opgavetest</option>");
        assertThat(body(get("/tasks").param("q", danishCase).param("process", "tenant-probe").with(login(dane))))
                .doesNotContain("/tasks/" + overdue.getId());
        assertThat(body(get("/tasks").param("q", danishCase).param("network", "hc-sverige").with(login("admin"))))
                .doesNotContain("/tasks/" + overdue.getId());
        assertThat(body(get("/tasks").param("q", danishCase).param("view", "ALL").with(login("admin"))))
                .contains("/tasks/" + overdue.getId());

        tasks.claim(overdue.getId(), dane);
        assertThat(body(get("/tasks").param("view", "MINE").with(login(dane))))
                .contains("/tasks/" + overdue.getId()).doesNotContain("/tasks/" + soon.getId());
        assertThat(body(get("/tasks").param("q", danishCase).with(login(otherDane))))
                .as("the group's list shows unassigned tasks").doesNotContain("/tasks/" + overdue.getId());
        assertThat(body(get("/tasks").param("q", danishCase).param("all", "true").with(login(otherDane))))
                .contains("/tasks/" + overdue.getId());
    }

    @Test
    void pagesRunOnFromTasksWithADueDateToThoseWithout() throws Exception {
        String prefix = "P-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 6; i++) {
            fixtures.startCase("sund-by", prefix + "-" + i); // 2 tasks with and 2 without a due date each
        }
        String first = body(get("/tasks").param("q", prefix).with(login(dane)));
        String second = body(get("/tasks").param("q", prefix).param("page", "1").with(login(dane)));
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("href=\"/tasks/([0-9a-f-]{36})\"");
        List<String> onFirst = link.matcher(first).results().map(m -> m.group(1)).toList();
        List<String> onSecond = link.matcher(second).results().map(m -> m.group(1)).toList();
        assertThat(onFirst).hasSize(TaskDirectory.PAGE_SIZE);
        assertThat(onSecond).hasSize(4).doesNotContainAnyElementsOf(onFirst);
        assertThat(onSecond).allMatch(id -> tasks.createTaskQuery().taskId(id).singleResult().getDueDate() == null);
        assertThat(first).contains("24 opgaver", "Side 1 af 2", "page=1");
        assertThat(second).contains("Side 2 af 2");
        assertThat(body(get("/tasks").param("q", prefix).param("lang", "en").with(login(dane))))
                .contains("24 tasks", "My groups’ tasks", "Overdue");
    }

    @Test
    void claimUnclaimAndCompleteWithAClearAnswerWhenSomeoneElseHasTheTask() throws Exception {
        Task plain = fixtures.task(danishCase, "plainTask");
        String url = "/tasks/" + plain.getId();

        mvc.perform(post(url + "/claim").param("back", "/tasks?q=" + danishCase).with(login(dane)).with(csrf()))
                .andExpect(redirectedUrl("/tasks?q=" + danishCase))
                .andExpect(flash().attribute("message", containsString("Du har taget opgaven")));
        assertThat(assignee(plain)).isEqualTo(dane);
        mvc.perform(get(url).with(login(dane)))
                .andExpect(content().string(containsString("action=\"" + url + "/unclaim\"")))
                .andExpect(content().string(not(containsString("action=\"" + url + "/claim\""))));

        mvc.perform(post(url + "/claim").with(login(otherDane)).with(csrf()))
                .andExpect(redirectedUrl(url))
                .andExpect(flash().attribute("error", containsString("er taget af dk")));
        mvc.perform(post(url + "/complete").with(login(otherDane)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("er taget af dk")));
        mvc.perform(post(url + "/unclaim").with(login(otherDane)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("er taget af dk")));
        assertThat(assignee(plain)).isEqualTo(dane);
        // an open redirect is not on offer
        mvc.perform(post(url + "/unclaim").param("back", "https://evil.example/").with(login(dane)).with(csrf()))
                .andExpect(redirectedUrl(url));
        assertThat(assignee(plain)).isNull();

        mvc.perform(get(url).with(login(dane))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Opgaven har ingen formular")))
                .andExpect(content().string(containsString("tog »Ring til kommunen«")))
                .andExpect(content().string(containsString("gav »Ring til kommunen« tilbage til gruppen")));

        // a candidate completes an unassigned task: it is claimed for them on the way
        mvc.perform(post(url + "/complete").with(login(otherDane)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("message", containsString("»Ring til kommunen« er udført")));
        assertThat(tasks.createTaskQuery().taskId(plain.getId()).count()).isZero();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(plain.getId()).singleResult().getAssignee())
                .isEqualTo(otherDane);
    }

    @Test
    void aSecondCompletionIsToldTheTaskIsDoneAndSeesWhatItTyped() throws Exception {
        Task plain = fixtures.task(danishCase, "plainTask");
        String url = "/tasks/" + plain.getId();
        mvc.perform(post(url + "/complete").with(login(dane)).with(csrf())).andExpect(redirectedUrl("/tasks"));
        mvc.perform(post(url + "/complete").param("note", "Min note om opkaldet").with(login(otherDane)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("er allerede afsluttet (af dk")))
                .andExpect(content().string(containsString("Min note om opkaldet")));
        mvc.perform(post(url + "/claim").with(login(otherDane)).with(csrf()))
                .andExpect(flash().attribute("error", containsString("er allerede afsluttet")));
        // the ended task's page still shows what happened
        mvc.perform(get(url).with(login(otherDane))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Opgaven er afsluttet (af dk")))
                .andExpect(content().string(containsString("udførte »Ring til kommunen«")));
    }

    @Test
    void aFeaturesFormHandlerValidatesKeepsInputAndWritesTheAuditShownInHistory() throws Exception {
        Task review = fixtures.task(danishCase, "overdueReview");
        String url = "/tasks/" + review.getId();
        mvc.perform(get(url).with(login(dane))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Testsag " + danishCase)))
                .andExpect(content().string(containsString("name=\"decision\"")))
                .andExpect(content().string(containsString("Fristen er overskredet")))
                .andExpect(content().string(containsString("startede »Opgavetest«")));

        mvc.perform(post(url + "/complete").param("decision", "reject").param("reason", " ")
                        .with(login(dane)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Skriv en begrundelse for afslaget.")))
                .andExpect(content().string(containsString("value=\"reject\" checked=\"checked\"")));
        mvc.perform(post(url + "/complete").param("reason", "Mangler bilag").with(login(dane)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("href=\"#decision-approve\"")))
                .andExpect(content().string(containsString(">Mangler bilag</textarea>")));
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("still open").isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
                .as("nothing half-done: not even claimed").isNull();

        mvc.perform(post(url + "/complete").param("decision", "reject").param("reason", "Mangler bilag")
                .with(login(dane)).with(csrf())).andExpect(redirectedUrl("/tasks"));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(review.getProcessInstanceId())
                .variableName("decision").singleResult().getValue()).isEqualTo("reject");
        assertThat(auditLog.entries("sund-by", TestReviewHandler.RECORD_TYPE, danishCase))
                .extracting(AuditEntry::userId, AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(dane, "review decided reject", "Mangler bilag"));

        // the next task of the same case shows the decision in its history
        mvc.perform(get("/tasks/" + fixtures.task(danishCase, "soonReview").getId()).with(login(otherDane)))
                .andExpect(content().string(containsString("review decided reject")))
                .andExpect(content().string(containsString("Mangler bilag")))
                .andExpect(content().string(containsString("udførte »Gennemgå sagen«")));
    }

    @Test
    void whenAnotherPersonCompletesMeanwhileNothingOfOursIsSaved() throws Exception {
        Task review = fixtures.task(danishCase, "soonReview");
        mvc.perform(post("/tasks/" + review.getId() + "/complete").param("decision", "approve").param("race", "1")
                        .with(login(dane)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("er allerede afsluttet")));
        assertThat(auditLog.entries("sund-by", TestReviewHandler.RECORD_TYPE, danishCase))
                .as("the handler's audit row went with the rolled-back completion").isEmpty();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(review.getId()).singleResult().getAssignee())
                .isNull();
    }

    @Test
    void aTaskWithAFormNoFeatureHandlesIsLeftToTasklist() throws Exception {
        Task formTask = fixtures.task(danishCase, "formTask");
        String url = "/tasks/" + formTask.getId();
        mvc.perform(get(url).with(login(dane))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Opgavens formular (tasks-test-form)")))
                .andExpect(content().string(containsString("/camunda/app/tasklist/default/#/?task=" + formTask.getId())))
                .andExpect(content().string(not(containsString(">Udført</button>"))));
        mvc.perform(post(url + "/complete").with(login(dane)).with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("udføres i Camunda Tasklist")));
        assertThat(tasks.createTaskQuery().taskId(formTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void theAuditLogRefusesRowsWithoutARecordAndKeepsNetworksApart() {
        String id = "A-" + danishCase;
        auditLog.record("tester", "sund-by", "application", id, "review decided approve", "ok");
        auditLog.record("tester", "hc-sverige", "application", id, "review decided reject", null);
        assertThat(auditLog.entries("sund-by", "application", id)).extracting(AuditEntry::action)
                .containsExactly("review decided approve");
        assertThat(auditLog.record("sund-by", "application", id, "x", "y").userId()).isEqualTo(AuditLog.SYSTEM);
        assertThatThrownBy(() -> auditLog.record("sund-by", "application", " ", "x", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(auditLog.record("sund-by", "application", id, "long", "x".repeat(5000)).detail()).hasSize(2000);
    }

    @Test
    void aTaskWorkedThroughCamundasApiAsTasklistDoesShowsHereAsSuch() throws Exception {
        Task plain = fixtures.task(danishCase, "plainTask");
        String url = "/tasks/" + plain.getId();
        var api = rest.withBasicAuth(dane, TestUsers.PASSWORD);
        assertThat(api.postForEntity("/engine-rest/task/" + plain.getId() + "/claim", Map.of("userId", dane),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(body(get("/tasks").param("view", "MINE").param("q", danishCase).with(login(dane))))
                .contains(url);
        mvc.perform(get(url).with(login(otherDane)))
                .andExpect(content().string(containsString("dk Test arbejder på opgaven")))
                .andExpect(content().string(containsString("tog »Ring til kommunen«")));
        assertThat(api.postForEntity("/engine-rest/task/" + plain.getId() + "/complete", Map.of(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        mvc.perform(get(url).with(login(otherDane)))
                .andExpect(content().string(containsString("Opgaven er afsluttet (af dk Test)")));
    }

    private String assignee(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee();
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private RequestPostProcessor login(String user) {
        return TestMembers.login(identity, user);
    }
}
