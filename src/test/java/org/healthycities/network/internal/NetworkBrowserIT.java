package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The secretariat in a real browser: the network overview, a new theme group, an edited strategic goal and a
 * CSV upload with a broken line; every page passes axe-core, and the pages fit a 360 px phone.
 */
@IntegrationTest
class NetworkBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    NetworkDirectory directory;
    @Autowired
    NetworkFixtures fixtures;

    @Test
    void theSecretariatWorksOnItsNetwork() throws Exception {
        String secretary = TestUsers.create(identity, "netvaerk", CurrentUser.SECRETARIAT, "sund-by");
        Strategy strategy = fixtures.strategy("sund-by");
        StrategicGoal goal = strategy.getGoals().get(0);
        String groupName = NetworkFixtures.unique("Sunde skolegårde");
        String goalTitle = NetworkFixtures.unique("Lighed i sundhed i alle politikker");
        try (Browser browser = Browser.open(port, false)) {
            browser.login(secretary, TestUsers.PASSWORD);
            browser.go("/network").waitForText("Sund By Netværket").checkPage("network-01-overview");

            browser.click("a[href='/network/sund-by/theme-groups']").waitForText("Temagrupper i Sund By Netværket")
                    .checkPage("network-02-theme-groups");
            browser.click("a[href='/network/sund-by/theme-groups/new']").find("#name");
            browser.checkPage("network-03-theme-group-new");
            browser.click("main form button[type=submit]").waitForText("Skriv temagruppens navn.")
                    .checkPage("network-04-theme-group-error");
            browser.type("#name", groupName).type("#description", "Udeliv og bevægelse i skoletiden")
                    .click("main form button[type=submit]").waitForText("Temagruppen er oprettet.")
                    .checkPage("network-05-theme-group-created");
            assertThat(browser.text()).contains(groupName);

            browser.go("/network").click("a[href='/network/sund-by/strategies']")
                    .waitForText("Strategier for Sund By Netværket").checkPage("network-06-strategies");
            assertThat(browser.text()).contains("Sundhed og trivsel", "Deltagelse");
            browser.click("a[href='/network/sund-by/strategies/" + strategy.getId() + "']")
                    .waitForText(goal.getTitle()).checkPage("network-07-strategy");
            browser.click("a[href='/network/sund-by/strategies/" + strategy.getId() + "/goals/" + goal.getId() + "/edit']")
                    .find("#title");
            browser.checkPage("network-08-goal-edit");
            browser.type("#title", "").click("main form button[type=submit]").waitForText("Skriv en titel.")
                    .checkPage("network-09-goal-error");
            browser.type("#title", goalTitle).type("#description", "Følges op af rullende handleplaner.")
                    .click("main form button[type=submit]").waitForText("Ændringerne er gemt.")
                    .checkPage("network-10-goal-saved");
            assertThat(browser.text()).contains(goalTitle);

            browser.go("/network").click("a[href='/network/sund-by/possible-members']")
                    .waitForText("Mulige medlemmer af Sund By Netværket").checkPage("network-11-possible-members");
            browser.click("a[href='/network/sund-by/possible-members/import']").find("#file");
            browser.checkPage("network-12-import");
            browser.find("#file").sendKeys(csvWithABrokenLine().toAbsolutePath().toString());
            browser.click("main form button[type=submit]").waitForText("Afviste linjer")
                    .checkPage("network-13-import-report");
            assertThat(browser.text()).contains("0 oprettet, 1 opdateret, 1 linje afvist.",
                    "Typen \"planet\" er ukendt: skriv kommune eller region.");
        }
        assertThat(directory.themeGroups("sund-by")).anyMatch(g -> g.getName().equals(groupName));
        assertThat(fixtures.reload(strategy).getGoals().get(0).getTitle()).isEqualTo(goalTitle);
        assertThat(directory.possibleMember("sund-by", "0185")).get().extracting(PossibleMember::getName)
                .isEqualTo("Tårnby Kommune");
    }

    /** Tårnby exactly as it is (so nothing changes for other tests), then a line that is refused. */
    private Path csvWithABrokenLine() throws Exception {
        PossibleMember taarnby = directory.possibleMember("sund-by", "0185").orElseThrow();
        String csv = "code;name;kind;region_code;population\n"
                + String.join(";", taarnby.getCode(), taarnby.getName(), "kommune",
                        taarnby.getRegionCode() == null ? "" : taarnby.getRegionCode(),
                        taarnby.getPopulation() == null ? "" : String.valueOf(taarnby.getPopulation())) + "\n"
                + "T0000;Pluto Kommune;planet;;1\n";
        Path file = Files.createTempFile("mulige-medlemmer", ".csv");
        file.toFile().deleteOnExit();
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    @Test
    void theNetworkPagesFitA360PxPhone() {
        String secretary = TestUsers.create(identity, "mobilnet", CurrentUser.SECRETARIAT, "sund-by");
        Strategy strategy = fixtures.strategy("sund-by");
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            String[] pages = {"/network", "/network/sund-by/theme-groups", "/network/sund-by/strategies",
                    "/network/sund-by/strategies/" + strategy.getId(), "/network/sund-by/possible-members",
                    "/network/sund-by/possible-members/import"};
            for (int i = 0; i < pages.length; i++) {
                phone.go(pages[i]).find("main h1");
                phone.checkPage("phone-network-" + (i + 1));
                assertThat(phone.overflowsHorizontally()).as(pages[i] + " scrolls sideways at 360 px").isFalse();
            }
        }
    }
}
