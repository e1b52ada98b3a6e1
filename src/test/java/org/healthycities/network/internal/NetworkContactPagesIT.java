package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.MapBindingResult;

/** The /network overview and the secretariat contact edit, on Sunne kommuner (put back as it was after each test). */
@IntegrationTest
class NetworkContactPagesIT {

    static final String NETWORK = "sunne-kommuner";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    NetworkDirectory directory;
    @Autowired
    NetworkEditor editor;
    @Autowired
    org.healthycities.membership.internal.TestApplications applications;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    RequestPostProcessor norwegian;
    SecretariatContact original;

    @BeforeEach
    void setUp() {
        norwegian = TestMembers.login(identity, TestUsers.create(identity, "norsk", CurrentUser.SECRETARIAT, NETWORK));
        original = SecretariatContact.of(network());
    }

    @AfterEach
    void putBack() {
        editor.updateContact(NETWORK, network().getVersion(), original, new MapBindingResult(new HashMap<>(), "form"));
    }

    private Network network() {
        return directory.network(NETWORK).orElseThrow();
    }

    private MockHttpServletRequestBuilder save(int version, String name, String email, String phone, String website) {
        return post("/network/" + NETWORK + "/edit").with(norwegian).with(csrf()).param("version", String.valueOf(version))
                .param("secretariatName", name).param("secretariatEmail", email).param("secretariatPhone", phone)
                .param("website", website);
    }

    @Test
    void theApplicationsAccessionQuestionsAreTheNetworksOwnSetting() throws Exception {
        assertThat(network().isAccessionQuestions()).isFalse();
        mvc.perform(save(network().getVersion(), "Sekretariatet", "", "", "").param("accessionQuestions", "true")
                .param("_accessionQuestions", "on")).andExpect(status().is3xxRedirection());
        assertThat(network().isAccessionQuestions()).isTrue();
        mvc.perform(get("/apply/" + NETWORK).param("lang", "nb").with(norwegian)).andExpect(status().isOk())
                .andExpect(content().string(containsString("accessionSignedByMayor")));
        // the box unticked: the page sends only Spring's marker for it
        mvc.perform(save(network().getVersion(), "Sekretariatet", "", "", "").param("_accessionQuestions", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(network().isAccessionQuestions()).isFalse();
        mvc.perform(get("/apply/" + NETWORK).param("lang", "nb")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("accessionSignedByMayor"))));
    }

    @Test
    void theOverviewShowsTheContactAndLinksToEveryPageOfTheNetwork() throws Exception {
        mvc.perform(get("/network").with(norwegian))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sunne kommuner")))
                .andExpect(content().string(containsString(original.secretariatName())))
                .andExpect(content().string(containsString("/network/sunne-kommuner/edit")))
                .andExpect(content().string(containsString("/network/sunne-kommuner/theme-groups")))
                .andExpect(content().string(containsString("/network/sunne-kommuner/strategies")))
                .andExpect(content().string(containsString("/network/sunne-kommuner/possible-members")));
    }

    @Test
    void aValidContactIsSavedAndShown() throws Exception {
        mvc.perform(save(network().getVersion(), "Sekretariatet i Tønsberg", "post@sunnekommuner.no", "+47 33 00 00 00",
                        "https://www.sunnekommuner.no"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/network"));
        Network after = network();
        assertThat(after.getSecretariatName()).isEqualTo("Sekretariatet i Tønsberg");
        assertThat(after.getSecretariatEmail()).isEqualTo("post@sunnekommuner.no");
        assertThat(after.getWebsite()).isEqualTo("https://www.sunnekommuner.no");
        mvc.perform(get("/network").with(norwegian))
                .andExpect(content().string(containsString("mailto:post@sunnekommuner.no")))
                .andExpect(content().string(containsString("href=\"https://www.sunnekommuner.no\"")));
    }

    @Test
    void badInputIsRefusedFieldByFieldInDanishAndNothingIsSaved() throws Exception {
        int version = network().getVersion();
        mvc.perform(save(version, "", "ikke-en-mail", "1".repeat(41), "www.sunnekommuner.no"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv sekretariatets navn.")))
                .andExpect(content().string(containsString("Skriv en gyldig e-mailadresse")))
                .andExpect(content().string(containsString("Højst 40 tegn.")))
                .andExpect(content().string(containsString("Skriv hele webadressen, fx https://www.sundby.dk.")))
                .andExpect(content().string(containsString("value=\"ikke-en-mail\"")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(save(version, "n".repeat(201), "", "", "https://" + "a".repeat(300) + ".no"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Højst 200 tegn.")))
                .andExpect(content().string(containsString("Webadressen må højst være 300 tegn.")));
        Network after = network();
        assertThat(after.getVersion()).isEqualTo(version);
        assertThat(SecretariatContact.of(after)).isEqualTo(original);
    }

    @Test
    void aStaleVersionIsRefusedWithoutLosingTheOtherSave() throws Exception {
        int version = network().getVersion();
        mvc.perform(save(version, "Først", "", "", "")).andExpect(status().is3xxRedirection());
        mvc.perform(save(version, "Sidst", "", "", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har ændret netværket")));
        assertThat(network().getSecretariatName()).isEqualTo("Først");
    }

    @Test
    void theTermsTheSenderAndTheTimeZoneAreTheNetworksOwnSettings() throws Exception {
        int version = network().getVersion();
        // a bad sender and an unknown zone: refused by name, nothing kept, the terms typed still there
        mvc.perform(save(version, "Sekretariatet", "", "", "").param("lang", "nb")
                        .param("mailSender", "Sunne kommuner <ikke en adresse>").param("timeZone", "Europe/Atlantis")
                        .param("membershipTerms", "Vi moetes hvert aar"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv én avsender som Navn")))
                .andExpect(content().string(containsString("Velg en tidssone fra listen.")))
                .andExpect(content().string(containsString("Vi moetes hvert aar")));
        assertThat(network().getVersion()).isEqualTo(version);

        mvc.perform(save(version, "Sekretariatet", "", "", "")
                        .param("mailSender", "Sunne kommuner <post@sunnekommuner.example.no>")
                        .param("timeZone", "Europe/Oslo")
                        .param("membershipTerms", "Kommunestyret har vedtatt medlemskapet\n\nKommunen betaler kontingent"))
                .andExpect(status().is3xxRedirection());
        Network after = network();
        assertThat(after.getTermLines()).containsExactly("Kommunestyret har vedtatt medlemskapet",
                "Kommunen betaler kontingent");
        assertThat(after.getMailSender()).isEqualTo("Sunne kommuner <post@sunnekommuner.example.no>");
        // the application page shows the network's own terms instead of the standard ones
        mvc.perform(get("/apply/" + NETWORK).param("lang", "nb")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<li>Kommunestyret har vedtatt medlemskapet</li>")));
        // and the network's mails come from its own sender
        TestApplications.Created created = applications.apply(NETWORK);
        applications.runJobs(created);
        String to = jdbc.queryForObject("SELECT admin_contact_email FROM membership_application WHERE id = ?",
                String.class, created.id());
        jakarta.mail.internet.MimeMessage receipt = MailServer.awaitMails(to, 1).get(0);
        assertThat(((jakarta.mail.internet.InternetAddress) receipt.getFrom()[0]).getAddress())
                .isEqualTo("post@sunnekommuner.example.no");
    }

    @Test
    void theMessagesSpeakThePersonsLanguage() throws Exception {
        mvc.perform(save(network().getVersion(), "", "x", "", "").param("lang", "nb"))
                .andExpect(content().string(containsString("Skriv sekretariatets navn.")))
                .andExpect(content().string(containsString("Skriv en gyldig e-postadresse")));
        mvc.perform(save(network().getVersion(), "", "", "", "sunne").param("lang", "sv"))
                .andExpect(content().string(containsString("Skriv kansliets namn.")))
                .andExpect(content().string(containsString("Skriv hela webbadressen")));
    }
}
