package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.notifications.MailStatus;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class OutboxPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    TestOutbox outbox;
    @Autowired
    Mailer mailer;

    RequestPostProcessor admin;

    @BeforeEach
    void setUp() {
        admin = TestMembers.login(identity, TestUsers.create(identity, "adm", CurrentUser.ADMIN));
    }

    private OutboxMail kept(OutgoingMail mail) {
        return outbox.row(mail, MailStatus.KEPT, TestClock.now(), m -> { });
    }

    private OutboxMail failed(OutgoingMail mail) {
        Instant now = TestClock.now();
        return outbox.row(mail, MailStatus.PENDING, now, m -> {
            m.claim(now, Duration.ofMinutes(5));
            m.failed(now, "Connection refused: <host>", outbox.oneAttempt());
        });
    }

    private Document page(String path, String... params) throws Exception {
        var request = get(path).with(admin);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theAdminListsTheMailsNewestFirstAndFiltersThemByStatus() throws Exception {
        OutboxMail kept = kept(TestOutbox.sample());
        OutboxMail failed = failed(TestOutbox.sample());

        Document all = page("/admin/outbox");
        assertThat(all.select("tbody tr").get(0).text()).contains(failed.getRecipient(), "Fejlet");
        assertThat(all.select("tbody tr").get(1).text()).contains(kept.getRecipient(), "Gemt (ingen mailserver)");
        assertThat(all.select("tbody a").get(0).attr("href")).isEqualTo("/admin/outbox/" + failed.getId());

        Document onlyKept = page("/admin/outbox", "status", "KEPT");
        assertThat(onlyKept.text()).contains(kept.getRecipient()).doesNotContain(failed.getRecipient());
        assertThat(onlyKept.select("option[selected]").attr("value")).isEqualTo("KEPT");
        assertThat(page("/admin/outbox", "status", "FAILED").text()).contains(failed.getRecipient())
                .doesNotContain(kept.getRecipient());
    }

    @Test
    void theListHasPages() throws Exception {
        for (int i = 0; i < 26; i++) {
            kept(TestOutbox.sample());
        }
        Document first = page("/admin/outbox", "status", "KEPT");
        assertThat(first.select("tbody tr")).hasSize(25);
        Element next = first.selectFirst("nav.pagination a");
        assertThat(next.attr("href")).isEqualTo("/admin/outbox?status=KEPT&page=1");
        assertThat(page("/admin/outbox", "status", "KEPT", "page", "1").select("tbody tr")).isNotEmpty();
        assertThat(page("/admin/outbox", "page", "-3").select("tbody tr")).hasSize(25);
    }

    @Test
    void aMailIsShownInASandboxAndAsTextWithWhatAPersonTypedEscaped() throws Exception {
        String attack = "<script>alert(1)</script>";
        OutboxMail mail = kept(TestOutbox.sample().with("message", attack));

        String body = mvc.perform(get("/admin/outbox/" + mail.getId()).with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain(attack);
        Document page = Jsoup.parse(body);
        assertThat(page.select("main script")).isEmpty();
        assertThat(page.selectFirst("h1").text()).isEqualTo(mail.getSubject());
        Element frame = page.selectFirst("iframe.mail-preview");
        assertThat(frame.attr("sandbox")).isEmpty(); // present and empty: no scripts, forms or same origin
        assertThat(frame.hasAttr("sandbox")).isTrue();
        assertThat(frame.attr("srcdoc")).isEqualTo(mail.getHtmlBody()).contains("&lt;script&gt;");
        assertThat(page.selectFirst("pre.mail-text").text()).contains(attack, "Kære " + mail.getRecipientName());
        // the mail's kind and network by name, never a template path or an id
        assertThat(page.text()).contains("Mailen er ikke sendt, fordi der ikke var nogen mailserver",
                mail.getRecipient(), "Prøvemail", "Sund By Netværket").doesNotContain("notifications/mail/test");
    }

    @Test
    void theAdminSendsAFailedMailAgain() throws Exception {
        OutboxMail failed = failed(TestOutbox.sample());
        Document page = page("/admin/outbox/" + failed.getId());
        assertThat(page.text()).contains("Connection refused: <host>", "Fejlet");

        mvc.perform(post("/admin/outbox/" + failed.getId() + "/retry").with(admin))
                .andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/admin/outbox/" + failed.getId() + "/retry").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/outbox/" + failed.getId()));

        assertThat(MailServer.awaitMails(failed.getRecipient(), 1)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailer.status(failed.getId()).orElseThrow() == MailStatus.SENT);
        assertThat(page("/admin/outbox/" + failed.getId()).select("form[action$=retry]")).isEmpty();
        mvc.perform(post("/admin/outbox/" + failed.getId() + "/retry").with(admin).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(MailServer.mailsTo(failed.getRecipient())).hasSize(1);
    }

    @Test
    void thePagesSpeakAllFourLanguages() throws Exception {
        OutboxMail mail = kept(TestOutbox.sample());
        String[][] expected = {{"da", "Udbakke", "Tekstudgave"}, {"en", "Outbox", "Text version"},
                {"sv", "Utkorg", "Textversion"}, {"nb", "Utboks", "Tekstversjon"}};
        for (String[] language : expected) {
            assertThat(page("/admin/outbox", "lang", language[0]).selectFirst("h1").text()).isEqualTo(language[1]);
            assertThat(page("/admin/outbox/" + mail.getId(), "lang", language[0]).text()).contains(language[2]);
        }
    }

    @Test
    void onlyTheAdminSeesTheOutbox() throws Exception {
        OutboxMail mail = kept(TestOutbox.sample());
        var secretary = TestMembers.login(identity, TestUsers.create(identity, "sek", CurrentUser.SECRETARIAT, "sund-by"));
        mvc.perform(get("/admin/outbox").with(secretary)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox/" + mail.getId()).with(secretary)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outbox/" + mail.getId()))
                .andExpect(status().is3xxRedirection())
                .andExpect(content().string(not(containsString(mail.getRecipient()))));
        mvc.perform(get("/admin/outbox/999999999").with(admin)).andExpect(status().isNotFound());
    }
}
