package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.network.MemberService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole journey in a real browser: a municipality applies on /apply with a real PDF, follows its private
 * link, the secretariat reviews on /tasks, the board approves, and the member is in the member list.
 * Screenshots of each step go to target/screenshots; every page is checked by axe-core.
 */
@IntegrationTest
class MembershipBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    MemberService members;

    @Test
    void applyReviewApproveAndTheMemberIsListed() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        String name = "Testby " + code.substring(2) + " Kommune";
        Path pdf = Files.createTempFile("tiltraedelsesdokument", ".pdf");
        Files.write(pdf, MembershipFixtures.pdf("Tiltraedelsesdokument underskrevet af borgmesteren"));
        String applicant = "ansoeger@" + code + ".example.org";

        try (Browser browser = Browser.open(port, false)) {
            browser.go("/").click("a[href='/apply']").waitForText("Vælg det netværk").checkPage("membership-01-networks");
            browser.click("a[href='/apply/sund-by']").find("#municipalitySearch");
            browser.checkPage("membership-02-apply-empty");
            // search as you type (htmx) shows the official code
            browser.type("#municipalitySearch", "Testby " + code.substring(2)).waitForText(name + " (kode " + code + ")");
            browser.driver().findElement(By.cssSelector("input[name='f.municipalityCode'][value='" + code + "']")).click();
            browser.type("#f-population", "43000")
                    .type("#f-politicalContactName", "Birte Ørsted").type("#f-politicalContactEmail", "borgmester@" + code + ".example.org")
                    .type("#f-adminContactName", "Aase Ansøger").type("#f-adminContactEmail", "ikke-en-mail")
                    .type("#f-coordinatorName", "Karin Koordinator").type("#f-coordinatorEmail", "koordinator@" + code + ".example.org")
                    .type("#f-decisionBody", "Byrådet").type("#f-mayorName", "Birte Ørsted")
                    .type("#f-motivation", "Vi vil arbejde for lighed i sundhed.");
            browser.driver().executeScript("document.getElementById('f-decisionDate').value = '2026-09-01';");
            browser.click("#f-accessionSignedByMayor").click("#f-coordinatorJoinsAssembly").click("#f-consent");
            browser.find("#f-decisionDocument").sendKeys(pdf.toAbsolutePath().toString());
            browser.click("main form button[type=submit]:not([name])")
                    .waitForText("Skriv en gyldig e-mailadresse").checkPage("membership-03-apply-error");
            // the focus is on the summary, which names the contact; input is kept, and so is the file
            assertThat(browser.driver().executeScript("return document.activeElement && document.activeElement.id"))
                    .as("the focus is on the error summary").isEqualTo("error-summary");
            assertThat(browser.find("#error-summary").getText()).contains("Administrativ kontakt, E-mail:");
            assertThat(browser.find("#f-coordinatorName").getAttribute("value")).isEqualTo("Karin Koordinator");
            assertThat(browser.find("input[name='f.municipalityCode'][value='" + code + "']").isSelected()).isTrue();
            assertThat(browser.find("#f-decisionDocument-kept").getText()).contains(pdf.getFileName().toString());
            browser.type("#f-adminContactEmail", applicant);
            browser.click("main form button[type=submit]:not([name])").waitForText("Tak for ansøgningen")
                    .checkPage("membership-04-receipt");
            String reference = browser.find("#reference").getText();
            assertThat(reference).matches("SB-\\d{4}-\\d{5}");

            Application a = applications.findAll().stream().filter(x -> code.equals(x.getMunicipalityCode())).findFirst().orElseThrow();
            ProcessInstance pi = fixtures.instance(a);
            fixtures.runJobs(pi.getId());
            Matcher link = ApplyPagesIT.LINK.matcher(MailServer.html(MailServer.awaitMails(applicant, 1).get(0)));
            assertThat(link.find()).isTrue();
            browser.go("/application/" + link.group(1)).waitForText(reference).checkPage("membership-05-private-link");
            assertThat(browser.text()).contains("Under behandling");

            try (Browser secretariat = Browser.open(port, false)) {
                String secretary = TestUsers.create(identity, "sekretariat", CurrentUser.SECRETARIAT, "sund-by");
                String reviewTask = fixtures.task(pi.getId(), "review").getId();
                secretariat.login(secretary, TestUsers.PASSWORD).go("/tasks").checkPage("membership-06-tasks");
                // other tests' tasks may push this one off the first page of the list: open it directly
                secretariat.go("/tasks/" + reviewTask).waitForText(reference)
                        .checkPage("membership-07-review");
                assertThat(secretariat.text()).contains(name, "tiltraedelsesdokument", "Ansøgning modtaget");
                assertThat(secretariat.find(".task-form button[type=submit]").getText()).isEqualTo("Send vurderingen");
                secretariat.click("label[for=f-reviewDecision-0]");
                // the button says what the chosen option does
                assertThat(secretariat.find(".task-form button[type=submit]").getText()).isEqualTo("Send til bestyrelsen");
                secretariat.click("label[for=f-reviewDecision-2]");
                assertThat(secretariat.find(".task-form button[type=submit]").getText()).isEqualTo("Afslå ansøgningen");
                secretariat.click("label[for=f-reviewDecision-0]").type("#f-reviewNote", "Alt er i orden.")
                        .click(".task-form button[type=submit]").waitForText("Opgaver").checkPage("membership-08-reviewed");

                try (Browser boardBrowser = Browser.open(port, false)) {
                    String boardMember = TestUsers.create(identity, "bestyrelse", CurrentUser.BOARD, "sund-by");
                    String boardTask = fixtures.task(pi.getId(), "board").getId();
                    boardBrowser.login(boardMember, TestUsers.PASSWORD).go("/tasks/" + boardTask).waitForText(reference)
                            .checkPage("membership-09-board");
                    boardBrowser.click("label[for=f-boardDecision-0]").type("#f-boardNote", "Velkommen!")
                            .click(".task-form button[type=submit]").waitForText("Opgaver");
                }
                fixtures.runJobs(pi.getId());
                assertThat(members.findByCode("sund-by", code)).isPresent();
                secretariat.go("/members").type("#q", "Testby " + code.substring(2))
                        .click("form.filters button[type=submit]").waitForText(name).checkPage("membership-10-member-list");
            }
            browser.go("/application/" + link.group(1)).waitForText("Velkommen i netværket").checkPage("membership-11-approved");
        }
    }

    @Test
    void theApplyPageAndThePrivatePageWorkOnA360PxPhone() throws Exception {
        String code = fixtures.newMunicipality("sund-by");
        Application a = fixtures.apply("sund-by", code);
        fixtures.runJobs(fixtures.instance(a).getId());
        Matcher link = ApplyPagesIT.LINK.matcher(MailServer.html(
                MailServer.awaitMails("ansoeger@" + code + ".example.org", 1).get(0)));
        assertThat(link.find()).isTrue();
        try (Browser phone = Browser.open(port, true)) {
            phone.go("/apply/sund-by").find("#municipalitySearch");
            phone.checkPage("membership-phone-01-apply");
            assertThat(phone.overflowsHorizontally()).as("/apply scrolls sideways at 360 px").isFalse();
            // sent empty: the summary, in the form's order, has the focus; still no sideways scrolling
            phone.click("main form button[type=submit]:not([name])").waitForText("Formularen har");
            assertThat(phone.driver().executeScript("return document.activeElement && document.activeElement.id"))
                    .isEqualTo("error-summary");
            assertThat(phone.find("#error-summary a").getAttribute("href")).endsWith("#f-municipalityCode");
            phone.checkPage("membership-phone-01b-apply-refused");
            assertThat(phone.overflowsHorizontally()).as("the refused /apply at 360 px").isFalse();
            phone.go("/application/" + link.group(1)).waitForText(fixtures.reload(a).getReference())
                    .checkPage("membership-phone-02-private-link");
            assertThat(phone.overflowsHorizontally()).as("the private page scrolls sideways at 360 px").isFalse();
            phone.go("/application/" + "B".repeat(43)).checkPage("membership-phone-03-invalid-link");
        }
    }
}
