package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The secretariat moves its members in through a real browser: upload, preview with a refused line, confirm,
 * the list with its downloads, a member's history, and a member added by hand; axe on every page, in Danish at
 * 1280 px and in English on a 360 px phone.
 */
@IntegrationTest
class MemberImportBrowserIT {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired TestNetworks testNetworks;
    @Autowired PossibleMemberImport possibleMembers;
    @Autowired MemberService members;

    private String networkWithDenmarksMunicipalities() throws Exception {
        String network = testNetworks.create("impb", 0, "member-evaluation.bpmn");
        try (InputStream in = new ClassPathResource("network/dk-municipalities.csv").getInputStream()) {
            possibleMembers.importCsv(network, new ByteArrayInputStream(in.readAllBytes()));
        }
        return network;
    }

    private static Path spreadsheet() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Kommune", "Status", "Indmeldt", "Koordinator", "E-mail"));
        rows.add(List.of("Hoeje Taastrup", "Aktiv", LocalDate.of(2012, 1, 1), "Åse Ærø", "aase@htk.dk"));
        rows.add(List.of("Tårnby", "Aktiv", LocalDate.of(2015, 1, 1), "Søren Øst", "soeren@taarnby.dk"));
        rows.add(List.of("Frederiksbergg", "Aktiv", "", "", ""));
        Path file = Files.createTempFile("medlemmer", ".xlsx");
        file.toFile().deleteOnExit();
        return Files.write(file, MemberImportIT.xlsx(rows));
    }

    @Test
    void theSecretariatMovesItsMembersIn() throws Exception {
        String network = networkWithDenmarksMunicipalities();
        String secretary = TestUsers.create(identity, "flytter", CurrentUser.SECRETARIAT, network);
        try (Browser browser = Browser.open(port, false)) {
            browser.login(secretary, TestUsers.PASSWORD);
            browser.go("/members").find("main h1");
            browser.click("a[href='/network/" + network + "/members/import']").find("#file");
            browser.checkPage("members-01-import");
            browser.find("#file").sendKeys(spreadsheet().toAbsolutePath().toString());
            browser.click("main form button[type=submit]").waitForText("Forhåndsvisning af")
                    .checkPage("members-02-preview");
            assertThat(browser.text()).contains("2 oprettes, ingen opdateres, ingen er uændrede, 1 linje afvises.",
                    "Høje-Taastrup Kommune", "Mente du Frederiksberg Kommune?");
            assertThat(members.findByCode(network, "0169")).as("nothing before the confirmation").isEmpty();

            browser.click("main form button[type=submit]").waitForText("2 medlemmer oprettet, ingen opdateret.")
                    .checkPage("members-03-imported");
            Member taastrup = members.findByCode(network, "0169").orElseThrow();
            browser.go("/members/" + taastrup.getId()).waitForText("Oprettet som medlem")
                    .checkPage("members-04-history");

            browser.go("/network/" + network + "/members/new").find("#code");
            browser.checkPage("members-05-add");
            browser.type("#code", "9999").click("main form button[type=submit]")
                    .waitForText("Koden er ikke en kendt kommune eller region i netværket.")
                    .checkPage("members-06-add-refused");
            browser.type("#code", "0101").type("#coordinatorName", "Københavns koordinator")
                    .click("main form button[type=submit]").waitForText("Ændringerne er gemt.")
                    .checkPage("members-07-added");
            assertThat(browser.text()).contains("Københavns Kommune", "tilføjet i hånden");
        }
    }

    @Test
    void thePagesWorkOnAPhoneInEnglish() throws Exception {
        String network = networkWithDenmarksMunicipalities();
        String secretary = TestUsers.create(identity, "mobilimport", CurrentUser.SECRETARIAT, network);
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            phone.go("/network/" + network + "/members/import?lang=en").find("#file");
            phone.checkPage("phone-members-import");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.find("#file").sendKeys(spreadsheet().toAbsolutePath().toString());
            phone.click("main form button[type=submit]").waitForText("Preview of");
            phone.checkPage("phone-members-preview");
            assertThat(phone.text()).contains("2 to create, none to update, none unchanged, 1 line refused.");
            assertThat(phone.overflowsHorizontally()).as("the preview at 360 px").isFalse();
            phone.go("/network/" + network + "/members/new").find("#code");
            phone.checkPage("phone-members-add");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.go("/members").find("main h1");
            phone.checkPage("phone-members-list");
            assertThat(phone.overflowsHorizontally()).isFalse();
        }
    }

    @Test
    void theOverviewApplicationsAndFeePagesPassAxeAndFitAPhone() throws Exception {
        String network = networkWithDenmarksMunicipalities();
        String secretary = TestUsers.create(identity, "overblikmobil", CurrentUser.SECRETARIAT, network);
        try (Browser phone = Browser.open(port, true)) {
            phone.login(secretary, TestUsers.PASSWORD);
            String[] pages = {"/home", "/membership/applications", "/membership/fees",
                    "/membership/fees/" + network + "?year=2027", "/membership/fees/" + network + "/list?year=2026",
                    "/home?lang=sv", "/membership/applications?lang=nb"};
            for (int i = 0; i < pages.length; i++) {
                phone.go(pages[i]).find("main h1");
                phone.checkPage("phone-overview-" + (i + 1));
                assertThat(phone.overflowsHorizontally()).as(pages[i] + " at 360 px").isFalse();
            }
        }
    }
}
