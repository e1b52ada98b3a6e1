package org.healthycities.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A coordinator on a 360 px phone: asks for a sign-in link, opens it from the mail, searches the knowledge bank,
 * narrows by a facet, opens an item and adds a good practice; every page checked with axe and for words.
 */
@IntegrationTest
class KnowledgeBankBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    TestKnowledge knowledge;

    @Test
    void aCoordinatorUsesTheKnowledgeBankOnAPhone() {
        TestClock.set(java.time.LocalDateTime.of(2026, 12, 4, 10, 0));
        TestKnowledge.Bank bank = knowledge.reported("kbb");
        String bankPath = "/bank/" + bank.network();
        try (Browser phone = Browser.open(port, true)) {
            phone.go(bankPath).checkPage("kb-01-sign-in");
            phone.click("form button[type=submit]").waitForText("Skriv din e-mailadresse.").checkPage("kb-02-sign-in-missing");
            phone.type("#email", bank.coordinator()).click("form button[type=submit]")
                    .waitForText("har vi sendt et link").checkPage("kb-03-sign-in-sent");

            String mail = MailServer.html(MailServer.awaitMails(bank.coordinator(), 1).get(0));
            Matcher link = Pattern.compile("https?://[^/\"]+(/bank/[^\"\\s<]+)").matcher(mail);
            assertThat(link.find()).isTrue();
            phone.go(link.group(1)).checkPage("kb-04-link");
            phone.click("form button[type=submit]").waitForText("Du er logget ind som Karin Koordinator")
                    .checkPage("kb-05-bank");
            assertThat(phone.overflowsHorizontally()).as("the bank scrolls sideways").isFalse();

            phone.type("#q", bank.word("shared")).click("form[role=search] button[type=submit]")
                    .waitForText("1 fund").checkPage("kb-06-found");
            assertThat(phone.text()).contains("Gåture for ældre").doesNotContain("Intern sag", "Fremmed");
            assertThat(phone.overflowsHorizontally()).isFalse();

            phone.go(bankPath).click("nav.facets a[href*='sdg=SDG3']").waitForText("Temadag om bevægelse")
                    .checkPage("kb-07-facet");
            phone.all(".knowledge-hits h3 a").stream().filter(a -> a.getText().contains("Temadag")).findFirst()
                    .orElseThrow().click();
            phone.waitForText("Grupperne peger på")
                    .checkPage("kb-08-item");

            phone.go(bankPath + "/new").checkPage("kb-09-new");
            phone.click("form button[type=submit]").waitForText("Skriv en titel.").checkPage("kb-10-new-refused");
            phone.type("#title", "Frugt i frikvarteret " + bank.word("hidden")).type("#text", "Gratis frugt hver dag.")
                    .click("form button[type=submit]").waitForText("Den gode idé er delt").checkPage("kb-11-added");
            assertThat(phone.overflowsHorizontally()).isFalse();
        }
    }
}
