package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mail texts pages in a real browser: from the network page to a kind, a refused placeholder, the preview
 * and the save; axe on each page, Danish at 1280 px, and the other three languages on a 360 px phone.
 */
@IntegrationTest
class MailTextBrowserIT {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TestApplications applications;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void builtInAgain() {
        jdbc.update("DELETE FROM mail_text WHERE network_id = 'sund-by'");
    }

    @Test
    void theSecretariatWordsTheWelcomeMail() throws Exception {
        applications.apply("sund-by");
        String secretary = TestUsers.create(identity, "mailtekst", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser browser = Browser.open(port, false)) {
            browser.login(secretary, TestUsers.PASSWORD);
            browser.go("/network").click("a[href='/network/sund-by/mail-texts']").waitForText("Mailtekster i");
            browser.checkPage("mailtexts-01-list");
            browser.click("a[href='/network/sund-by/mail-texts/membership.mail.welcome?language=da']")
                    .waitForText("Sådan ser mailen ud i dag");
            browser.checkPage("mailtexts-02-kind");
            browser.type("#subject", "Velkommen, {kommune}").click("button[value=preview]")
                    .waitForText("Pladsholderen {kommune} findes ikke");
            browser.checkPage("mailtexts-03-refused");
            browser.type("#subject", "Velkommen, {municipality}").click("button[value=preview]")
                    .waitForText("Sådan bliver mailen med din tekst");
            browser.checkPage("mailtexts-04-preview");
            browser.click("button[value=save]").waitForText("Teksten er gemt");
            assertThat(browser.text()).contains("Netværkets egen tekst");
        }
        assertThat(jdbc.queryForObject("SELECT subject FROM mail_text WHERE network_id = 'sund-by'"
                + " AND template = 'membership/mail/welcome' AND language = 'da'", String.class))
                .isEqualTo("Velkommen, {municipality}");
    }

    @Test
    void thePagesFitAPhoneInEachOtherLanguage() throws Exception {
        String secretary = TestUsers.create(identity, "mailmobil", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            for (String[] l : new String[][] {{"en", "Mail texts of"}, {"sv", "Mejltexter i"}, {"nb", "E-posttekster i"}}) {
                phone.go("/network/sund-by/mail-texts?lang=" + l[0]).waitForText(l[1]);
                phone.checkPage("phone-mailtexts-" + l[0]);
                assertThat(phone.overflowsHorizontally()).as("the list in " + l[0]).isFalse();
                phone.go("/network/sund-by/mail-texts/evaluation.mail.invitation?language=" + l[0] + "&lang=" + l[0])
                        .find("#body");
                phone.checkPage("phone-mailtext-" + l[0]);
                assertThat(phone.overflowsHorizontally()).as("a kind in " + l[0]).isFalse();
            }
        }
    }
}
