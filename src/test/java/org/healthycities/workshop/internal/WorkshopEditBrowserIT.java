package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.TestSessions.Opened;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The correction pages in a real browser on a 360 px phone: each page with a refusal shown, checked with axe-core
 * and never scrolling sideways; the session page with its edit, move and delete buttons.
 */
@IntegrationTest
class WorkshopEditBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    WorkshopService workshops;

    private static void fits(Browser browser, String name) {
        browser.checkPage(name);
        assertThat(browser.overflowsHorizontally()).as(name + " scrolls sideways at 360 px").isFalse();
    }

    @Test
    void theCorrectionPagesWorkOnAPhoneAndPassAxe() {
        String secretary = TestUsers.create(identity, "wse", CurrentUser.SECRETARIAT, "sund-by");
        SessionView draft = TestSessions.draft(workshops, "Lighed\nFællesskab", TestSessions.now().plusHours(2));
        Opened opened = TestSessions.opened(workshops, "A\nB", TestSessions.now().plusHours(2));
        Assignment assignment = workshops.addAssignment(TestSessions.SUND_BY, draft.session().getId(),
                new Forms.AssignmentForm("Opgave 1", "Drøft strategien.")).orElseThrow();
        for (String label : new String[] {"Første spørgsmål", "Andet spørgsmål"}) {
            var q = new Forms.QuestionForm(label, Question.Kind.LONG_TEXT, null, null, null);
            workshops.addQuestion(TestSessions.SUND_BY, draft.session().getId(), assignment.getId(), q, TestSessions.errors(q))
                    .orElseThrow();
        }
        Long openQuestion = opened.view().questions().get(0).getId();
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);

            // a draft session: everything, refusals named on the fields
            phone.go("/workshops/" + draft.workshop().getId() + "/edit").waitForText("Gem rettelserne");
            fits(phone, "wse-01-workshop-edit");
            phone.driver().findElement(org.openqa.selenium.By.id("title")).clear();
            phone.click("main form button[type=submit]").waitForText("Skriv workshoppens titel.");
            fits(phone, "wse-02-workshop-edit-refused");
            phone.go("/workshops/sessions/" + draft.session().getId() + "/edit").waitForText("Gem rettelserne");
            fits(phone, "wse-03-session-edit");
            phone.driver().findElement(org.openqa.selenium.By.id("groups")).clear();
            phone.type("#groups", "Lighed\nLighed").click("main form button[type=submit]")
                    .waitForText("står der to gange");
            fits(phone, "wse-04-session-edit-refused");

            // the draft session's page with its edit, up/down and delete buttons; an assignment's wording
            phone.go("/workshops/sessions/" + draft.session().getId()).waitForText("Andet spørgsmål");
            fits(phone, "wse-04b-draft-session");
            phone.click("form[action$='/move'] button"); // the first question has only "down"
            new org.openqa.selenium.support.ui.WebDriverWait(phone.driver(), java.time.Duration.ofSeconds(30))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> phone.text().indexOf("Andet spørgsmål") < phone.text().indexOf("Første spørgsmål"));
            phone.go("/workshops/sessions/" + draft.session().getId() + "/assignments/" + assignment.getId() + "/edit")
                    .waitForText("Gem rettelserne");
            fits(phone, "wse-04c-assignment-edit");

            // an open session: the page, the deadline, a question's wording
            phone.go("/workshops/sessions/" + opened.id()).waitForText("Flyt fristen");
            fits(phone, "wse-05-open-session");
            phone.go("/workshops/sessions/" + opened.id() + "/edit").waitForText("kun fristen kan flyttes");
            phone.driver().findElement(org.openqa.selenium.By.id("title")).clear();
            phone.type("#title", "Ny titel").click("main form button[type=submit]")
                    .waitForText("kan ikke ændres, efter gruppearbejdet er åbnet");
            fits(phone, "wse-06-open-session-edit-refused");
            phone.go("/workshops/sessions/" + opened.id() + "/questions/" + openQuestion + "/edit")
                    .waitForText("kun spørgsmålets ordlyd kan rettes");
            fits(phone, "wse-07-open-question-edit");
            phone.click("main form[action$='/edit'] button[type=submit]").waitForText("Rettelserne er gemt.");
            phone.click("form[action$='/questions/" + openQuestion + "/delete'] button").waitForText("Slet spørgsmålet?");
            fits(phone, "wse-08-delete-confirm");
        }
    }
}
