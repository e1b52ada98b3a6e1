package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The same review task, worked in Camunda Tasklist itself by a secretary: Tasklist renders
 * forms/membership-review.form, and completing it there does what our task page does (the process's listener).
 */
@IntegrationTest
class MembershipTasklistBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    MembershipFixtures fixtures;

    @Test
    void aSecretaryWorksTheReviewInCamundaTasklist() {
        // Tasklist lists the newest tasks first, a page at a time; other tests' processes create tasks on dates of
        // their own (up to 2037), so this one is made later than all of them
        TestClock.startAt(java.time.LocalDateTime.of(2037, 12, 1, 9, 0));
        Application a = fixtures.apply("sund-by", fixtures.newMunicipality("sund-by"));
        ProcessInstance pi = fixtures.instance(a);
        fixtures.runJobs(pi.getId());
        String reviewTask = fixtures.task(pi.getId(), "review").getId();
        String secretary = TestUsers.create(identity, "tasklist", CurrentUser.SECRETARIAT, "sund-by");

        try (Browser browser = Browser.open(port, false)) {
            WebDriverWait wait = browser.waiting(Duration.ofSeconds(90));
            try {
                browser.tasklistLogin(secretary, TestUsers.PASSWORD);
                // the link our task page offers ("Open in Camunda Tasklist")
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + reviewTask);
                wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().anyMatch(WebElement::isDisplayed));
                browser.click("button.claim");
                wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().noneMatch(WebElement::isDisplayed));
                wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field")).size() >= 3);
                browser.screenshot("membership-tasklist-01-review-form");
                assertThat(browser.find(".fjs-form").getText()).contains("Vurdering", "Send til bestyrelsen",
                        "Bed ansøgeren om flere oplysninger", "Begrundelse eller note", "Årligt kontingent");
                // the fee the process computed fills the form's fee field, as on our page
                assertThat(browser.find(".fjs-form input[id$=Field_fee]").getAttribute("value")).startsWith("20000");

                browser.clickWhenFree(By.xpath("//div[contains(@class,'fjs-form')]//label[contains(., 'Send til bestyrelsen')]"));
                browser.type(".fjs-form textarea[id$=Field_reviewNote]", "Godkendt i Tasklist.");
                browser.screenshot("membership-tasklist-02-review-filled");
                browser.clickWhenFree(By.xpath("//button[normalize-space()='Complete']"));
                wait.until(d -> fixtures.task(pi.getId(), "review") == null);
                browser.screenshot("membership-tasklist-03-review-completed");

                // the board's task is shown to the secretary, but the engine refuses the claim
                String boardTask = fixtures.task(pi.getId(), "board").getId();
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + boardTask);
                wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().anyMatch(WebElement::isDisplayed));
                browser.click("button.claim");
                wait.until(d -> d.findElements(By.cssSelector(".alert-danger, .notification.error, .notifications .alert"))
                        .stream().anyMatch(WebElement::isDisplayed));
                browser.screenshot("membership-tasklist-04-board-claim-refused");
                assertThat(fixtures.task(pi.getId(), "board").getAssignee()).as("not claimed").isNull();
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("membership-tasklist-failed");
                throw e;
            }
        }
        Application reviewed = fixtures.reload(a);
        assertThat(reviewed.getStatus()).isEqualTo(ApplicationStatus.WITH_BOARD);
        assertThat(reviewed.getReviewNote()).isEqualTo("Godkendt i Tasklist.");
        assertThat(fixtures.historyKinds(a)).contains("REVIEW_APPROVE");
        assertThat(fixtures.task(pi.getId(), "board")).isNotNull();
        // the listener keeps the texts in the application, not in the process
        assertThat(runtime.getVariables(pi.getId())).containsEntry("reviewDecision", "approve")
                .doesNotContainKey("reviewNote");
    }
}
