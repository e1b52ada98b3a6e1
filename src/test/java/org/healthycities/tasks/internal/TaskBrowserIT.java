package org.healthycities.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The secretariat works its task list in a real browser: find, claim, open, complete, and see the list change. */
@IntegrationTest
class TaskBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    TaskFixtures fixtures;

    @Test
    void theSecretariatClaimsOpensAndCompletesATask() {
        String secretary = TestUsers.create(identity, "opgaver", CurrentUser.SECRETARIAT, "sund-by");
        String businessKey = fixtures.startCase("sund-by");
        Task review = fixtures.task(businessKey, "overdueReview");
        String link = "main a[href='/tasks/" + review.getId() + "']";
        try (Browser browser = Browser.open(port, false)) {
            browser.login(secretary, TestUsers.PASSWORD);
            browser.go("/tasks").find("#q");
            browser.checkPage("tasks-01-list");
            browser.type("#q", businessKey).click("main form[method=get] button[type=submit]")
                    .waitForText("4 opgaver").checkPage("tasks-02-search");
            assertThat(browser.find(link).getText()).isEqualTo("Gennemgå sagen");
            assertThat(browser.text()).contains("Fristen er overskredet");

            browser.click("form[action='/tasks/" + review.getId() + "/claim'] button")
                    .waitForText("Du har taget opgaven »Gennemgå sagen«").checkPage("tasks-03-claimed");
            assertThat(browser.text()).as("the group's list shows only unclaimed tasks").contains("3 opgaver");
            browser.click("nav.task-views a[href*='view=MINE']").waitForText("1 opgave");
            browser.click(link).waitForText("Testsag " + businessKey).checkPage("tasks-04-task");

            browser.click("#decision-reject").click(".task-form button[type=submit]")
                    .waitForText("Skriv en begrundelse for afslaget.").checkPage("tasks-05-task-error");
            browser.type("#reason", "Bilaget mangler underskrift").click(".task-form button[type=submit]")
                    .waitForText("Opgaven »Gennemgå sagen« er udført.").checkPage("tasks-06-completed");
            assertThat(browser.all(link)).as("the list no longer offers the task").isEmpty();
        }
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    }

    @Test
    void theTaskPagesWorkOnA360PxPhone() {
        String secretary = TestUsers.create(identity, "mobilopg", CurrentUser.SECRETARIAT, "sund-by");
        String businessKey = fixtures.startCase("sund-by");
        Task review = fixtures.task(businessKey, "overdueReview");
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            phone.go("/tasks?q=" + businessKey).waitForText("Gennemgå sagen").checkPage("tasks-phone-01-list");
            assertThat(phone.overflowsHorizontally()).as("task list scrolls sideways at 360 px").isFalse();
            phone.go("/tasks/" + review.getId()).waitForText("Testsag " + businessKey)
                    .checkPage("tasks-phone-02-task");
            assertThat(phone.overflowsHorizontally()).as("task page scrolls sideways at 360 px").isFalse();
        }
    }
}
