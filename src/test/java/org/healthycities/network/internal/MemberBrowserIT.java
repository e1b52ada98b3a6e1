package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.Member;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The secretariat logs in, finds Tårnby Kommune, edits its coordinator and sees it saved. */
@IntegrationTest
class MemberBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TestMembers testMembers;

    @Test
    void theSecretariatEditsTaarnbysCoordinator() {
        Member taarnby = testMembers.activeMember("sund-by", "0185");
        String secretary = TestUsers.create(identity, "sekretariat", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser browser = Browser.open(port, false)) {
            browser.go("/").checkPage("01-front-page");
            assertThat(browser.text()).contains("Sund By Netværket", "Søg om medlemskab");
            browser.go("/login").checkPage("02-login");
            browser.login(secretary, TestUsers.PASSWORD).checkPage("03-home");

            browser.go("/members").type("#q", "Tårnby").click("form.filters button[type=submit]")
                    .waitForText("Tårnby Kommune").checkPage("04-members-search");
            browser.click("a[href='/members/" + taarnby.getId() + "']").waitForText("Koordinator")
                    .checkPage("05-member");
            browser.click("a[href='/members/" + taarnby.getId() + "/edit']").find("#coordinatorName");
            browser.type("#coordinatorEmail", "ikke-en-mail").click("main form button[type=submit]")
                    .waitForText("Skriv en gyldig e-mailadresse").checkPage("06-member-edit-error");
            browser.type("#coordinatorName", "Søren Ødegård").type("#coordinatorEmail", "soeren@taarnby.dk")
                    .type("#coordinatorPhone", "+45 32 47 10 00").click("main form button[type=submit]")
                    .waitForText("Ændringerne er gemt.").checkPage("07-member-saved");
            assertThat(browser.text()).contains("Søren Ødegård", "soeren@taarnby.dk");
        }
        Member after = testMembers.reload(taarnby);
        assertThat(after.getCoordinatorName()).isEqualTo("Søren Ødegård");
        assertThat(after.getCoordinatorEmail()).isEqualTo("soeren@taarnby.dk");
    }

    @Test
    void thePagesWorkOnA360PxPhone() {
        testMembers.activeMember("sund-by", "0185");
        String secretary = TestUsers.create(identity, "mobil", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser phone = Browser.open(port, true)) {
            phone.go("/").checkPage("phone-01-front-page");
            assertThat(phone.overflowsHorizontally()).as("front page scrolls sideways at 360 px").isFalse();
            phone.login(secretary, TestUsers.PASSWORD);
            phone.go("/members").checkPage("phone-02-members");
            assertThat(phone.overflowsHorizontally()).as("member list scrolls sideways at 360 px").isFalse();
        }
    }
}
