package org.healthycities.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.PossibleMemberImport;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff journeys in headless Chromium at 360 px, with axe on every page: the admin invites a secretariat member
 * of Healthy Cities Sverige, who sets a password through the mailed link, logs in and sees Sweden only; a forgotten
 * password is replaced through the mailed link.
 */
@IntegrationTest
class StaffBrowserIT {

    private static final Pattern LINK = Pattern.compile("/login/password/[A-Za-z0-9_-]{43}");
    private static final String SWEDEN = "hc-sverige";
    private static final String GOOD = "Kanelbullar smakar bäst i oktober";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired PossibleMemberImport possibleMembers;
    @Autowired MemberService members;

    @Test
    void theAdminInvitesASwedishSecretariatMemberWhoSeesOnlySweden() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String swedish = member(SWEDEN, "Svenskby " + unique + " kommun", "sb-" + unique);
        String danish = member("sund-by", "Danskby " + unique + " Kommune", "db-" + unique);
        String admin = TestUsers.create(identity, "bradm", CurrentUser.ADMIN);
        String email = "karin." + unique + "@example.org";

        try (Browser phone = Browser.open(port, true)) {
            phone.login(admin, TestUsers.PASSWORD);
            phone.go("/staff/users").find("#invite");
            phone.checkPage("staff-users");
            assertThat(phone.overflowsHorizontally()).as("360 px").isFalse();
            phone.click("#invite").find("#invite-form");
            phone.checkPage("staff-invite");
            // no network chosen: refused by name, and what was typed stays
            phone.type("#email", email).type("#firstName", "Karin").type("#lastName", "Lind")
                    .click("#invite-form button[type=submit]");
            phone.waitForText("Netværk: vælg mindst ét netværk.");
            phone.checkPage("staff-invite-refused");
            assertThat(phone.find("#email").getAttribute("value")).isEqualTo(email);
            assertThat(phone.find("#firstName").getAttribute("value")).isEqualTo("Karin");
            phone.click("#network-" + SWEDEN).click("#invite-form button[type=submit]");
            phone.waitForText("Invitationen er sendt");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.click("a[href$='/staff/users/" + identity.createUserQuery().userEmail(email).singleResult().getId() + "']")
                    .find("#roles-form");
            phone.checkPage("staff-user");
            assertThat(phone.overflowsHorizontally()).isFalse();
            assertThat(phone.find("#network-" + SWEDEN).isSelected()).isTrue();
        }
        String user = identity.createUserQuery().userEmail(email).singleResult().getId();

        MimeMessage mail = MailServer.awaitMails(email, 1).get(0);
        assertThat(mail.getSubject()).as("in the network's language").isEqualTo("Du är inbjuden till Healthy Cities");
        try (Browser phone = Browser.open(port, true)) {
            phone.go(link(mail)).find("#password-form");
            phone.checkPage("staff-password");
            assertThat(phone.find("#username").getAttribute("value")).isEqualTo(user);
            phone.type("#password", "kanelbulle").type("#repeat", "kanelbulle").click("#password-form button[type=submit]");
            phone.waitForText("Ny adgangskode: skal være mindst 12 tegn.");
            phone.checkPage("staff-password-refused");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.type("#password", GOOD).type("#repeat", GOOD).click("#password-form button[type=submit]");
            phone.waitForText("Din adgangskode er gemt");

            phone.login(user, GOOD);
            phone.go("/members").waitForText("Svenskby " + unique);
            assertThat(phone.text()).as("only Sweden's members").doesNotContain("Danskby " + unique);
            phone.go("/network/" + SWEDEN + "/possible-members").find("#q");
            phone.type("#q", "Göteborg").click("form.filters button[type=submit]");
            phone.waitForText("Göteborg");
            assertThat(phone.overflowsHorizontally()).isFalse();
            assertThat(phone.text()).doesNotContain("Danskby");
        }
        assertThat(swedish).isNotEqualTo(danish);
    }

    @Test
    void aForgottenPasswordIsReplacedThroughTheMailedLink() throws Exception {
        String user = TestUsers.create(identity, "brglemt", CurrentUser.SECRETARIAT, "sund-by");
        try (Browser phone = Browser.open(port, true)) {
            phone.go("/login").click("#forgot").find("#forgot-form");
            phone.checkPage("staff-forgot");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.type("#email", user + "@example.org").click("#forgot-form button[type=submit]");
            phone.waitForText("har vi sendt et link");
            phone.checkPage("staff-forgot-sent");

            phone.go(link(MailServer.awaitMails(user + "@example.org", 1).get(0))).waitForText("Vælg en ny adgangskode");
            phone.type("#password", GOOD).type("#repeat", GOOD).click("#password-form button[type=submit]");
            phone.waitForText("Din adgangskode er gemt");
            phone.login(user, GOOD);
            assertThat(phone.driver().getCurrentUrl()).endsWith("/home");
        }
        assertThat(identity.checkPassword(user, TestUsers.PASSWORD)).as("the old password is gone").isFalse();
    }

    /** A member of the network (made a possible member first); returns its code. */
    private String member(String network, String name, String code) throws Exception {
        possibleMembers.importCsv(network, new ByteArrayInputStream(("code,name,kind\n" + code + "," + name
                + ",municipality\n").getBytes(StandardCharsets.UTF_8)));
        members.create(network, new MemberDetails(code, name, MemberStatus.ACTIVE, LocalDate.of(2020, 1, 1), 1000,
                null, null, null, null, null, null, null, null, null, null, null));
        return code;
    }

    private static String link(MimeMessage mail) {
        Matcher m = LINK.matcher(MailServer.html(mail));
        assertThat(m.find()).isTrue();
        return m.group();
    }
}
