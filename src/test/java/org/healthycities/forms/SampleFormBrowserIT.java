package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample form in a real Chromium: on a 360 px phone without an account (draft, come back by the link,
 * submit), and the same form file rendered by Camunda Tasklist for a task of the forms-sample process.
 */
@IntegrationTest
class SampleFormBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    Submissions submissions;
    @Autowired
    SubmissionLinks links;

    @Test
    void fillInOnAPhoneSaveADraftComeBackAndSubmit() throws Exception {
        Path png = Files.createTempFile("handleplan", ".png");
        Files.write(png, TestFiles.png());
        String link;
        try (Browser phone = Browser.open(port, true)) {
            phone.go("/forms/sample").find("#f-kommune");
            phone.checkPage("forms-01-sample-blank");
            assertThat(phone.overflowsHorizontally()).as("the form scrolls sideways at 360 px").isFalse();
            assertThat(phone.find("[data-field=f-handleplan]").isDisplayed()).isFalse();

            phone.type("#f-kommune", "Tårnby Kommune").type("#f-kode", "185").type("#f-indbyggere", "43000")
                    .type("#f-motivation", "Vi vil <script>alert(1)</script> lære af andre.");
            phone.click("label[for=f-kommunetype-0]");
            new Select(phone.find("#f-region")).selectByVisibleText("Region Hovedstaden");
            phone.click("label[for=f-pejlemaerker-1]").click("label[for=f-verdensmaal-2]");
            ((JavascriptExecutor) phone.driver()).executeScript("arguments[0].value = '2024-11-14';",
                    phone.find("#f-beslutningsdato"));
            phone.click("label[for=f-harHandleplan]");
            // forms.js asks the server's FEEL engine and shows the upload field
            phone.waiting(Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.cssSelector("[data-field=f-handleplan]")).isDisplayed());
            phone.find("#f-handleplan").sendKeys(png.toAbsolutePath().toString());
            phone.click("button[value=draft]").waitForText("Kladden er gemt.");
            phone.checkPage("forms-02-sample-draft-saved");
            link = phone.find(".private-link a").getAttribute("href");
            assertThat(link).contains("/forms/sample/t/");
        }

        try (Browser again = Browser.open(port, true)) {
            driverGo(again, link);
            assertThat(again.find("#f-kommune").getAttribute("value")).isEqualTo("Tårnby Kommune");
            assertThat(again.find("#f-motivation").getAttribute("value")).contains("<script>alert(1)</script>");
            assertThat(again.find("#f-kommunetype-0").isSelected()).isTrue();
            assertThat(again.find("#f-pejlemaerker-1").isSelected()).isTrue();
            assertThat(again.find("#f-beslutningsdato").getAttribute("value")).isEqualTo("2024-11-14");
            assertThat(again.find(".uploaded").getText()).contains(png.getFileName().toString());
            again.checkPage("forms-03-sample-resumed");

            again.click("button[value=submit]").waitForText("Ret fejlene nedenfor");
            assertThat(again.find("#error-summary").getText()).contains("Jeg bekræfter, at oplysningerne er rigtige");
            assertThat(again.find("#f-samtykke").getAttribute("aria-invalid")).isEqualTo("true");
            again.checkPage("forms-04-sample-errors");

            again.click("label[for=f-samtykke]").click("button[value=submit]").waitForText("Tak! Formularen er sendt ind.");
            again.checkPage("forms-05-sample-submitted");
            assertThat(again.text()).contains("Formularen er sendt ind og kan ikke ændres.", "Tårnby Kommune",
                    org.healthycities.web.Dates.date(java.time.LocalDate.of(2024, 11, 14), java.util.Locale.forLanguageTag("da")));
            assertThat(again.all("input[name^='f.']")).isEmpty();
            assertThat(again.overflowsHorizontally()).isFalse();
        }
        long id = links.resolve(link.substring(link.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(submissions.find(id).orElseThrow().status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submissions.answers(id)).containsEntry("kommune", "Tårnby Kommune").containsKey("handleplan")
                .containsEntry("pejlemaerker", List.of("ulighed"));
    }

    private static void driverGo(Browser browser, String absoluteUrl) {
        browser.driver().get(absoluteUrl);
    }

    @Test
    void camundaTasklistRendersTheSameFormFile() {
        // Tasklist lists the newest tasks first, a page at a time; other tests' processes create tasks on dates of
        // their own (up to 2037), so this one is made later than all of them
        TestClock.startAt(java.time.LocalDateTime.of(2037, 12, 1, 9, 0));
        ProcessInstance instance = runtime.createProcessInstanceByKey("forms-sample")
                .processDefinitionTenantId("sund-by").execute();
        assertThat(instance.getTenantId()).isEqualTo("sund-by");

        Browser browser = Browser.open(port, false);
        try {
            WebDriverWait wait = browser.waiting(Duration.ofSeconds(90)); // Tasklist re-renders its lists while we look
            browser.tasklistLogin("admin", TestUsers.ADMIN_PASSWORD);
            WebElement filter = wait.until(d -> d.findElements(By.cssSelector(".task-filters .task-filter")).stream()
                    .filter(f -> f.getText().contains("Sekretariatet")).findFirst().orElse(null));
            filter.findElement(By.cssSelector("a, h4, .names")).click();
            WebElement task = wait.until(d -> d.findElements(By.cssSelector(".tasks-list .task")).stream()
                    .filter(t -> t.getText().contains("Udfyld eksempelformularen")).findFirst().orElse(null));
            task.findElement(By.cssSelector("a, h4, .clickable")).click();
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty()
                    && d.findElement(By.cssSelector("button.claim")).isDisplayed());
            browser.click("button.claim");
            wait.until(d -> d.findElements(By.cssSelector("button.claim")).stream().noneMatch(WebElement::isDisplayed));
            wait.until(d -> d.findElements(By.cssSelector(".fjs-form-field")).size() > 5);
            browser.screenshot("forms-06-tasklist-form");
            String form = browser.find(".fjs-form").getText();
            assertThat(form).contains("Kommunens navn", "Antal indbyggere", "Kommunetype", "Hvilken region?",
                    "Pejlemærker I arbejder med", "Verdensmål", "Kontaktperson",
                    "Jeg bekræfter, at oplysningerne er rigtige");
            assertThat(browser.all(".fjs-form input[type=radio]")).hasSize(2);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("forms-06-tasklist-failed"); // the Angular app's state, to see what went wrong
            String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            Object diag = browser.driver().executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch('/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form', {credentials: 'same-origin'})"
                    + ".then(r => r.text().then(t => done(r.status + ' ' + t.substring(0, 600)))).catch(e => done('x ' + e));");
            System.out.println("TASKLIST DIAG " + diag);
            System.out.println("TASKLIST HTML " + browser.find(".task-details, body").getAttribute("innerHTML").replaceAll("\\s+", " ")
                    .replaceAll(".*Form failure", "Form failure").substring(0, 400));
            throw e;
        } finally {
            browser.close();
            runtime.deleteProcessInstance(instance.getId(), "test done");
        }
    }
}
