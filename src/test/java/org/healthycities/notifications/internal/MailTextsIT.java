package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.notifications.EditableMail;
import org.healthycities.support.StatementCounter;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.MapBindingResult;

/**
 * A network words its own mails: a text with an unknown placeholder or without the applicant's link is refused
 * with the placeholder named and nothing kept; a kept text is what the next real mail says (over SMTP), filled
 * and escaped, in its language only; the preview is filled from the network's latest application.
 */
@IntegrationTest
class MailTextsIT {

    static final String NETWORK = "sund-by";
    static final String RECEIPT = "/network/" + NETWORK + "/mail-texts/membership.mail.receipt";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired TestApplications applications;
    @Autowired JdbcTemplate jdbc;
    @Autowired MailRenderer renderer;
    @Autowired MailTexts texts;
    @Autowired PlatformTransactionManager transactions;

    RequestPostProcessor secretariat;

    @BeforeEach
    void setUp() {
        secretariat = TestMembers.login(identity, TestUsers.create(identity, "tekster", CurrentUser.SECRETARIAT, NETWORK));
    }

    @AfterEach
    void builtInAgain() {
        jdbc.update("DELETE FROM mail_text WHERE network_id = ?", NETWORK);
    }

    private MockHttpServletRequestBuilder save(String language, String subject, String body) {
        return post(RECEIPT).with(secretariat).with(csrf()).param("language", language).param("subject", subject)
                .param("body", body).param("action", "save");
    }

    private int kept() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM mail_text WHERE network_id = ?", Integer.class, NETWORK);
    }

    @Test
    void anUnknownPlaceholderIsRefusedByNameAndNothingIsKept() throws Exception {
        mvc.perform(save("da", "Tak, {kommune}", "Kære {recipient}\n\nSe {link}").param("lang", "da"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Pladsholderen {kommune} findes ikke i denne mail"),
                        containsString("{municipality}"), containsString("aria-invalid=\"true\""),
                        // what was typed is still in the form
                        containsString("Tak, {kommune}"))));
        assertThat(kept()).isZero();
    }

    @Test
    void aReceiptWithoutTheApplicantsLinkIsRefused() throws Exception {
        mvc.perform(save("en", "Thanks", "Dear {recipient}, we have your application.").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The text must contain {link}")));
        assertThat(kept()).isZero();
    }

    @Test
    void theKeptTextIsWhatTheNextReceiptSaysFilledAndEscaped() throws Exception {
        mvc.perform(save("da", "Vi har modtaget {municipality}s ansøgning ({reference})",
                        "Kære {recipient}\n\nTak for ansøgningen til {network}. <b>Følg</b> den her:\n{link}.\n\nHilsen {secretariat}"))
                .andExpect(status().is3xxRedirection());
        assertThat(kept()).isOne();

        TestApplications.Created created = applications.apply(NETWORK);
        applications.runJobs(created);
        var row = jdbc.queryForMap("SELECT municipality_name, reference, admin_contact_email, admin_contact_name"
                + " FROM membership_application WHERE id = ?", created.id());
        List<MimeMessage> mails = MailServer.awaitMails((String) row.get("admin_contact_email"), 1);
        MimeMessage receipt = mails.get(0);
        assertThat(receipt.getSubject())
                .isEqualTo("Vi har modtaget " + row.get("municipality_name") + "s ansøgning (" + row.get("reference") + ")");
        String html = MailServer.html(receipt);
        assertThat(html).contains("Kære " + row.get("admin_contact_name"), "Tak for ansøgningen til Sund By Netværket",
                "&lt;b&gt;Følg&lt;/b&gt;", "<a href=\"http://").doesNotContain("<b>Følg</b>", "{link}");
        assertThat(html).containsPattern("<a href=\"https?://[^\"]+/application/[^\"]+\">");
        assertThat(MailServer.text(receipt)).contains("/application/");
    }

    @Test
    void aTextInOneLanguageLeavesTheOthersBuiltIn() throws Exception {
        mvc.perform(save("sv", "Tack {recipient}", "Hej {recipient}\n\n{link}")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/network/" + NETWORK + "/mail-texts").with(secretariat).param("lang", "da"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Egen tekst"), containsString("Standardtekst"))));
        TestApplications.Created created = applications.apply(NETWORK);
        applications.runJobs(created);
        String to = jdbc.queryForObject("SELECT admin_contact_email FROM membership_application WHERE id = ?",
                String.class, created.id());
        // the applicant wrote in Danish: the built-in Danish receipt
        assertThat(MailServer.awaitMails(to, 1).get(0).getSubject()).doesNotStartWith("Tack");
    }

    @Test
    void thePreviewIsFilledFromTheLatestApplicationAndTheDraftIsNotKept() throws Exception {
        TestApplications.Created created = applications.apply(NETWORK);
        String name = jdbc.queryForObject("SELECT municipality_name FROM membership_application WHERE id = ?",
                String.class, created.id());
        // the built-in text as a start, the values turned back into placeholders
        mvc.perform(get(RECEIPT).with(secretariat).param("language", "da").param("lang", "da"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sådan ser mailen ud i dag"), containsString(name),
                        containsString("{municipality}"), containsString("{link}"))));
        mvc.perform(post(RECEIPT).with(secretariat).with(csrf()).param("language", "da").param("lang", "da")
                        .param("subject", "Kvittering til {municipality}").param("body", "Se {link}")
                        .param("action", "preview"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sådan bliver mailen med din tekst"),
                        containsString("Kvittering til " + name))));
        assertThat(kept()).isZero();
    }

    @Test
    void backToTheBuiltInText() throws Exception {
        mvc.perform(save("da", "Egen kvittering", "Se {link}")).andExpect(status().is3xxRedirection());
        mvc.perform(post(RECEIPT + "/reset").with(secretariat).with(csrf()).param("language", "da"))
                .andExpect(status().is3xxRedirection());
        assertThat(kept()).isZero();
        mvc.perform(get(RECEIPT).with(secretariat).param("language", "da").param("lang", "da"))
                .andExpect(content().string(allOf(containsString("Standardteksten sendes"),
                        not(containsString("Egen kvittering")))));
    }

    @Test
    void anotherNetworksSecretariatFindsNothing() throws Exception {
        RequestPostProcessor swedish = TestMembers.login(identity,
                TestUsers.create(identity, "svensk", CurrentUser.SECRETARIAT, "hc-sverige"));
        mvc.perform(get(RECEIPT).with(swedish)).andExpect(status().isNotFound());
        mvc.perform(post(RECEIPT).with(swedish).with(csrf()).param("language", "da").param("subject", "x")
                .param("body", "{link}")).andExpect(status().isNotFound());
        assertThat(kept()).isZero();
    }

    /** What the background warm-up after the start renders is a whole mail, and it reaches no one. */
    @Test
    void theWarmUpRendersAWholeMailAndSendsNothing() {
        long outbox = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class);
        RenderedMail mail = renderer.warmUp();
        assertThat(mail.subject()).isEqualTo("-");
        assertThat(mail.html()).contains("lang=\"da\"", "<a href=\"https://example.org/\">");
        assertThat(mail.text()).contains("(https://example.org/)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Long.class)).isEqualTo(outbox);
    }

    /**
     * A round's batch renders 50 mails in one transaction: the network's text is read once in it, and what the
     * transaction rewords or resets it reads again.
     */
    @Test
    void aTransactionReadsATextOnceAndSeesItsOwnChanges() throws Exception {
        EditableMail kind = texts.kind("membership.mail.receipt").orElseThrow();
        String template = kind.template();
        TransactionTemplate inOne = new TransactionTemplate(transactions);
        StatementCounter.Counts reads = StatementCounter.count(() -> inOne.executeWithoutResult(status -> {
            for (int i = 0; i < 50; i++) {
                assertThat(texts.own(NETWORK, template, "da")).isEmpty();
            }
        }));
        assertThat(reads.statements()).filteredOn(sql -> sql.toLowerCase().contains("from mail_text")).hasSize(1);
        inOne.executeWithoutResult(status -> {
            assertThat(texts.own(NETWORK, template, "da")).isEmpty();
            MapBindingResult errors = new MapBindingResult(new HashMap<>(), "text");
            texts.save(NETWORK, kind, "da", "Egen kvittering", "Se {link}", "tekster", errors);
            assertThat(errors.hasErrors()).isFalse();
            assertThat(texts.own(NETWORK, template, "da")).hasValueSatisfying(
                    text -> assertThat(text.getSubject()).isEqualTo("Egen kvittering"));
            texts.reset(NETWORK, kind, "da");
            assertThat(texts.own(NETWORK, template, "da")).isEmpty();
            texts.save(NETWORK, kind, "da", "Kvittering igen", "Se {link}", "tekster", errors);
        });
        // and outside any transaction, each call reads what is stored now
        assertThat(texts.own(NETWORK, template, "da")).hasValueSatisfying(
                text -> assertThat(text.getSubject()).isEqualTo("Kvittering igen"));
    }
}
