package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.TestWorkshops;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each journey's pages in English, Swedish and Norwegian, as its own user sees them in a real browser: the
 * applicant (form, refusal, receipt page), the workshop participant and the coordinator on a phone, the
 * secretariat at a laptop through the task, workshop and evaluation pages. Every page goes through
 * {@link Browser#checkPage}: axe, and no key, machine date, id or Danish process name in its text (the Danish
 * journeys are checked the same way in their own tests). The language chosen once is kept from page to page.
 */
@IntegrationTest
class JourneysInEveryLanguageBrowserIT {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired TestApplications applications;
    @Autowired TestWorkshops workshops;
    @Autowired TestEvaluations evaluations;
    @Autowired org.springframework.context.MessageSource messages;

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv", "nb"})
    void everyJourneyReadsInTheLanguage(String language) {
        TestApplications.Created application = applications.apply("sund-by");
        applications.runJobs(application);
        String review = tasks.createTaskQuery().processInstanceId(application.processInstanceId())
                .taskDefinitionKey("review").singleResult().getId();
        TestWorkshops.Opened workshop = workshops.opened();
        TestEvaluations.Started evaluation = evaluations.started("lang" + language, 2041);
        String admin = TestUsers.create(identity, "sprog" + language, CurrentUser.ADMIN);
        List<String> visited = new ArrayList<>();

        try (Browser phone = Browser.open(port, true); Browser laptop = Browser.open(port, false)) {
            // the applicant: the language chosen on the front page holds through the form and its refusal
            phone.go("/?lang=" + language);
            visit(phone, language, "/apply", visited);
            visit(phone, language, "/apply/sund-by", visited);
            phone.click("main form button[type=submit]:not([name])").find("#error-summary");
            check(phone, language, "apply refused", visited);
            visit(phone, language, "/application/" + application.token(), visited);
            visit(phone, language, "/no-such-page", visited);
            assertThat(phone.driver().getTitle()).as("the 404's title")
                    .isEqualTo(messages.getMessage("error.404.title", null, java.util.Locale.forLanguageTag(language)));
            // the workshop participant and the coordinator, each through their private link
            visit(phone, language, "/join", visited);
            visit(phone, language, "/join/s/" + workshop.participantToken(), visited);
            visit(phone, language, "/evaluation/" + evaluation.token(), visited);

            // the secretariat
            laptop.go("/login?lang=" + language);
            check(laptop, language, "login", visited);
            laptop.login(admin, TestUsers.PASSWORD);
            for (String page : List.of("/home", "/tasks", "/tasks/" + review, "/membership/applications",
                    "/membership/fees", "/members", "/network", "/workshops", "/workshops/" + workshop.workshopId(),
                    "/workshops/sessions/" + workshop.sessionId(), "/workshops/sessions/" + workshop.sessionId() + "/live",
                    "/evaluations", "/evaluations/rounds/" + evaluation.roundId(),
                    "/evaluations/" + evaluation.evaluationId(), "/documents", "/staff/users")) {
                visit(laptop, language, page, visited);
            }
        }
        assertThat(visited).hasSize(25);
    }

    private static void visit(Browser browser, String language, String path, List<String> visited) {
        browser.go(path);
        check(browser, language, path, visited);
    }

    private static void check(Browser browser, String language, String name, List<String> visited) {
        Object lang = browser.driver().executeScript("return document.documentElement.lang");
        assertThat(lang).as("the language of " + name).isEqualTo(language);
        browser.checkPage("language-" + language + name.replaceAll("[^A-Za-z0-9]+", "-"));
        visited.add(name);
    }
}
