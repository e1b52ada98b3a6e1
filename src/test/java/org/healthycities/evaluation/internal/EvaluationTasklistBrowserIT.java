package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.evaluation.Progress;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review of an evaluation in Camunda Tasklist itself: Tasklist renders forms/annual-evaluation.form with the
 * member's answers (the goals list given by the data, the activities, the texts) with the decision below them. What
 * Tasklist submits (the form's fields as process variables) is recorded by the task's listener as our pages record
 * a review, refused without a comment for a send-back, and not kept in the process.
 */
@IntegrationTest
class EvaluationTasklistBrowserIT {

    @LocalServerPort
    int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired TestEvaluations testEvaluations;
    @Autowired EvaluationService evaluations;

    @Test
    void aSecretaryReviewsTheMembersAnswersInCamundaTasklist() {
        // Tasklist lists the newest tasks first; the membership test makes its task on 1 December 2037, so this one
        // comes a day later (the engine keeps timestamps up to January 2038)
        TestClock.startAt(LocalDateTime.of(2037, 12, 2, 9, 0));
        TestEvaluations.Started started = testEvaluations.started("evtl", 2037);
        EvaluationTestSupport.save(evaluations, started.evaluationId(),
                EvaluationTestSupport.answers(0, started.goalIds(), Progress.WELL_UNDER_WAY), true);
        Task review = tasks.createTaskQuery().tenantIdIn(started.network()).taskDefinitionKey(EvaluationGateway.TASK_REVIEW)
                .processInstanceBusinessKey(String.valueOf(started.evaluationId())).singleResult();
        assertThat(review).as("the review task").isNotNull();
        String secretary = TestUsers.create(identity, "evtasklist", CurrentUser.SECRETARIAT, started.network());
        // what Tasklist sends for a send-back without a comment is refused by the task's listener, in our words
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("decision", "sendBack", "reviewComment", " ")))
                .hasMessageContaining("Skriv en kommentar, så koordinatoren ved, hvad der skal rettes.");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("still open").isEqualTo(1);
        assertThat(evaluations.evaluation(started.evaluationId()).getStatus()).isEqualTo(EvaluationStatus.SUBMITTED);

        try (Browser browser = Browser.open(port, false)) {
            WebDriverWait wait = browser.waiting(Duration.ofSeconds(90));
            try {
                browser.tasklistLogin(secretary, TestUsers.PASSWORD);
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + review.getId());
                wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().anyMatch(WebElement::isDisplayed));
                browser.click("button.claim");
                wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().noneMatch(WebElement::isDisplayed));
                // every goal of the round is an item of the list the data gives, with the member's progress chosen
                wait.until(d -> d.findElements(By.cssSelector(".fjs-form input[type=radio]:checked")).size()
                        >= started.goalIds().size());
                browser.screenshot("evaluation-tasklist-01-answers");
                String form = browser.find(".fjs-form").getText();
                assertThat(form).contains("Pejlemærker", "Hvor langt er I?", "Aktiviteter", "Afgørelse")
                        .contains(TestNetworks.GOALS.get(0), TestNetworks.GOALS.get(1));
                @SuppressWarnings("unchecked")
                List<String> values = (List<String>) browser.driver().executeScript("return Array.from(document"
                        + ".querySelectorAll('.fjs-form input[type=text], .fjs-form textarea')).map(function (i) { return i.value; });");
                assertThat(values).contains("Sund skolevej", "Skoler, Vejdirektoratet",
                        "Vi har prioriteret de udsatte boligområder.", "Vi har arbejdet med mål 1");
                @SuppressWarnings("unchecked")
                List<String> chosen = (List<String>) browser.driver().executeScript("return Array.from(document"
                        + ".querySelectorAll('.fjs-form input[type=radio]:checked')).map(function (r) {"
                        + " return r.parentElement.textContent.trim(); });");
                assertThat(chosen).as("each goal's progress as answered").hasSize(started.goalIds().size())
                        .containsOnly("Godt i gang");

                assertThat(browser.find(".fjs-form").getText()).contains("Godkend evalueringen", "Send tilbage til koordinatoren");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("evaluation-tasklist-failed");
                throw e;
            }
        }
        // what Tasklist submits for a send-back with a comment (the form's fields as variables of the process)
        tasks.complete(review.getId(), Map.of("decision", "sendBack", "reviewComment", "Beskriv aktiviteten nærmere.",
                "inequality", "Ændret i Tasklist", "activities", "[]"));
        MemberEvaluation sentBack = evaluations.evaluation(started.evaluationId());
        assertThat(sentBack.getStatus()).isEqualTo(EvaluationStatus.SENT_BACK);
        assertThat(sentBack.getReviewComment()).isEqualTo("Beskriv aktiviteten nærmere.");
        assertThat(sentBack.getReviewedBy()).as("the one who claimed it in Tasklist").isEqualTo(secretary);
        // the answers stay the member's: nothing Tasklist sent back changed them, and the comment is not a process variable
        assertThat(evaluations.answers(sentBack).activities()).extracting(EvaluationAnswers.Activity::title)
                .containsExactly("Sund skolevej");
        assertThat(evaluations.answers(sentBack).inequalityText()).isEqualTo("Vi har prioriteret de udsatte boligområder.");
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(started.evaluationId()))
                .tenantIdIn(started.network()).processDefinitionKey(EvaluationGateway.MEMBER).singleResult();
        if (instance != null) {
            assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("reviewComment", "goals", "activities");
        }
    }
}
