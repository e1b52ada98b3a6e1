package org.healthycities.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.PossibleMemberImport;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class PrivacyBrowserIT {

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired PossibleMemberImport possibleMembers;
    @Autowired MemberService members;
    @Autowired Mailer mailer;
    @Autowired JdbcTemplate jdbc;

    @Test
    void onAPhoneTheAdminFindsExportsAndErasesAPerson() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "bo." + unique + "@example.org";
        String code = "pb-" + unique;
        possibleMembers.importCsv("sund-by", new ByteArrayInputStream(("code,name,kind\n" + code + ",Browserby "
                + unique + " Kommune,municipality\n").getBytes(StandardCharsets.UTF_8)));
        members.create("sund-by", new MemberDetails(code, "x", MemberStatus.ACTIVE, java.time.LocalDate.of(2020, 1, 1),
                1000, null, null, null, null, null, null, null, "Bo Browser " + unique, email, null, null));
        mailer.send(OutgoingMail.to(email, Locale.forLanguageTag("da"), "notifications/mail/test", "sund-by")
                .with("message", "Hej").with("items", List.of("a")));
        String admin = TestUsers.create(identity, "adm", CurrentUser.ADMIN);
        int exportsBefore = count("EXPORT");

        try (Browser phone = Browser.open(port, true)) {
            phone.login(admin, TestUsers.PASSWORD);
            phone.go("/admin/privacy").find("#privacy-search");
            phone.checkPage("privacy-empty");
            assertThat(phone.overflowsHorizontally()).isFalse();

            phone.type("#email", email).click("#privacy-search button[type=submit]");
            phone.waitForText("2 poster fundet").checkPage("privacy-results");
            assertThat(phone.overflowsHorizontally()).as("360 px").isFalse();
            assertThat(phone.text()).contains("Browserby " + unique);

            phone.click("#export"); // a download: the page stays, the export is audited
            for (int i = 0; i < 50 && count("EXPORT") == exportsBefore; i++) {
                Thread.sleep(100);
            }
            assertThat(count("EXPORT")).isEqualTo(exportsBefore + 1);

            phone.click("#erase").waitForText("Slet persondata").checkPage("privacy-confirm");
            assertThat(phone.overflowsHorizontally()).isFalse();
            phone.click("#erase-now").waitForText("Sæt kryds for at bekræfte sletningen");
            phone.checkPage("privacy-not-confirmed");
            assertThat(members.findByCode("sund-by", code).orElseThrow().getCoordinatorEmail()).isEqualTo(email);

            phone.click("#confirm").click("#erase-now").waitForText("Slettet: 2 poster");
            phone.checkPage("privacy-erased");
        }
        assertThat(members.findByCode("sund-by", code).orElseThrow().getCoordinatorEmail()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, email))
                .isZero();
    }

    private int count(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM privacy_audit WHERE action = ?", Integer.class, action);
    }
}
