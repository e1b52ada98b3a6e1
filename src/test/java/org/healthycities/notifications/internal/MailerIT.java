package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.healthycities.notifications.MailStatus;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MailerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    Mailer mailer;
    @Autowired
    OutboxMailer outboxMailer;
    @Autowired
    OutboxSender sender;
    @Autowired
    TestOutbox outbox;
    @Autowired
    TestClock clock;
    @Autowired
    org.healthycities.web.PublicAddress address;

    @Test
    void aMailArrivesOnceAsHtmlAndTextInUtf8WithSubjectFromTheTemplate() throws Exception {
        OutgoingMail mail = TestOutbox.sample();
        long id = mailer.send(mail);

        MimeMessage received = MailServer.awaitMails(mail.to(), 1).get(0);
        InternetAddress to = (InternetAddress) received.getAllRecipients()[0];
        assertThat(to.getAddress()).isEqualTo(mail.to());
        assertThat(to.getPersonal()).isEqualTo(mail.toName());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Sund By Netværket");
        assertThat(from.getAddress()).isEqualTo("noreply@sundby.test");
        assertThat(received.getSubject()).isEqualTo("Prøvemail til " + mail.toName() + " – æøå ÆØÅ");
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?"); // encoded, not raw 8-bit
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");

        String html = MailServer.html(received);
        assertThat(html).contains("Kære " + mail.toName(), "Hilsen fra sekretariatet", "<li>Første punkt</li>",
                "lang=\"da\"", "Denne mail er sendt automatisk.");
        assertThat(MailServer.text(received)).isEqualTo("""
                Kære %s

                Dette er en prøvemail fra Sund By Netværket.

                Hilsen fra sekretariatet

                - Første punkt
                - Andet punkt

                Åbn siden (%s/)

                Denne mail er sendt automatisk. Svar venligst ikke på den.
                """.formatted(mail.toName(), address.url()));
        assertThat(received.getContentType()).startsWith("multipart/");
        assertThat(partTypes(received)).hasSize(2).allSatisfy(type -> assertThat(type).containsIgnoringCase("charset=UTF-8"))
                .anySatisfy(type -> assertThat(type).startsWith("text/plain"))
                .anySatisfy(type -> assertThat(type).startsWith("text/html"));

        await().atMost(WAIT).until(() -> mailer.status(id).orElseThrow() == MailStatus.SENT);
        OutboxMail row = outbox.reload(id);
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getSentAt()).isNotNull();
        sender.deliverDue(clock);
        assertThat(MailServer.mailsTo(mail.to())).hasSize(1);
    }

    @Test
    void theMailSpeaksTheRecipientsLanguage() throws Exception {
        OutgoingMail swedish = OutgoingMail.to(TestOutbox.address(), Locale.forLanguageTag("sv"), TestOutbox.TEMPLATE,
                "hc-sverige").withName("Åsa");
        OutgoingMail norwegian = OutgoingMail.to(TestOutbox.address(), Locale.forLanguageTag("nb"),
                TestOutbox.TEMPLATE, "sunne-kommuner").withName("Øystein");
        OutgoingMail english = OutgoingMail.to(TestOutbox.address(), Locale.ENGLISH, TestOutbox.TEMPLATE, "sund-by")
                .withName("Ann");
        mailer.send(swedish);
        mailer.send(norwegian);
        mailer.send(english);

        assertThat(subject(swedish)).isEqualTo("Testmeddelande till Åsa – æøå ÆØÅ");
        MimeMessage toSweden = MailServer.awaitMails(swedish.to(), 1).get(0);
        assertThat(MailServer.html(toSweden)).contains("Hej Åsa");
        InternetAddress swedishSender = (InternetAddress) toSweden.getFrom()[0];
        assertThat(swedishSender.getAddress()).isEqualTo("noreply@hcsverige.test");
        assertThat(swedishSender.getPersonal()).isEqualTo("Healthy Cities Sverige");
        assertThat(subject(norwegian)).isEqualTo("Test-e-post til Øystein – æøå ÆØÅ");
        assertThat(MailServer.text(MailServer.awaitMails(norwegian.to(), 1).get(0))).contains("Kjære Øystein");
        assertThat(subject(english)).isEqualTo("Test mail for Ann – æøå ÆØÅ");
    }

    @Test
    void whatAPersonTypedArrivesEscapedNeverAsMarkup() throws Exception {
        String attack = "<script>alert(1)</script>";
        OutgoingMail mail = TestOutbox.sample().with("message", attack).withName("<b>Bo</b>");
        mailer.send(mail);

        MimeMessage received = MailServer.awaitMails(mail.to(), 1).get(0);
        String html = MailServer.html(received);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Bo&lt;/b&gt;")
                .doesNotContain(attack).doesNotContain("<b>Bo</b>");
        assertThat(Jsoup.parse(html).select("script, b")).isEmpty();
        // plain text is never interpreted, so there the words are simply shown as typed
        assertThat(MailServer.text(received)).contains(attack);
        assertThat(received.getSubject()).contains("<b>Bo</b>");
    }

    @Test
    void aRolledBackTransactionSendsNothing() {
        OutgoingMail mail = TestOutbox.sample();
        Long id = outbox.tx().execute(s -> {
            long written = mailer.send(mail);
            s.setRollbackOnly(); // e.g. the caller's process step failed after asking for the mail
            return written;
        });

        assertThat(mailer.status(id)).isEmpty();
        sender.deliverDue(clock);
        assertThat(MailServer.mailsTo(mail.to())).isEmpty();
    }

    @Test
    void aRetriedStepWithTheSameDedupKeySendsTheMailOnce() {
        OutgoingMail mail = TestOutbox.sample().withDedupKey("test:" + TestOutbox.address());
        long first = mailer.send(mail);
        long again = outbox.tx().execute(s -> mailer.send(mail));

        assertThat(again).isEqualTo(first);
        MailServer.awaitMails(mail.to(), 1);
        await().atMost(WAIT).until(() -> mailer.status(first).orElseThrow() == MailStatus.SENT);
        sender.deliverDue(clock);
        assertThat(MailServer.mailsTo(mail.to())).hasSize(1);
    }

    @Test
    void aWrongAddressOrAMissingTemplateFailsTheCallerAndWritesNothing() {
        long before = outbox.repository.count();
        assertThatThrownBy(() -> mailer.send(OutgoingMail.to("not an address", Locale.ENGLISH, TestOutbox.TEMPLATE,
                "sund-by"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mailer.send(OutgoingMail.to(TestOutbox.address(), Locale.ENGLISH,
                "notifications/mail/no-such-template", "sund-by"))).isInstanceOf(RuntimeException.class);
        assertThat(outbox.repository.count()).isEqualTo(before);
    }

    @Test
    void aMailServerThatIsDownLosesNothingAndTheNextRunDeliversOnce() {
        OutgoingMail mail = TestOutbox.sample();
        long id;
        MailServer.stop();
        try {
            id = mailer.send(mail);
            // the send right after commit fails and is counted; the mail waits for its next attempt
            await().atMost(WAIT).until(() -> outbox.reload(id).getAttempts() >= 1
                    && outbox.reload(id).getStatus() == MailStatus.PENDING);
            OutboxMail waiting = outbox.reload(id);
            assertThat(waiting.getLastError()).isNotBlank();
            assertThat(waiting.getNextAttemptAt()).isAfter(TestClock.now().plusSeconds(30));
        } finally {
            MailServer.start();
        }

        // the next scheduled run (its time moved past the back-off) delivers it once
        int sent = sender.deliverDue(Clock.offset(clock, Duration.ofHours(2)));
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(outbox.reload(id).getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(MailServer.awaitMails(mail.to(), 1)).hasSize(1);
        sender.deliverDue(Clock.offset(clock, Duration.ofHours(3)));
        assertThat(MailServer.mailsTo(mail.to())).hasSize(1);
    }

    @Test
    void afterTheLastAttemptTheMailIsFailedAndStaysSoUntilTheAdminSendsItAgain() {
        OutgoingMail mail = TestOutbox.sample();
        long id;
        int maxAttempts = outbox.settings.maxAttempts();
        MailServer.stop();
        try {
            id = mailer.send(mail);
            await().atMost(WAIT).until(() -> outbox.reload(id).getStatus() == MailStatus.PENDING
                    && outbox.reload(id).getAttempts() >= 1);
            for (int run = 1; run <= maxAttempts + 1 && outbox.reload(id).getStatus() != MailStatus.FAILED; run++) {
                sender.deliverDue(Clock.offset(clock, Duration.ofHours(2L * run)));
            }
        } finally {
            MailServer.start();
        }
        OutboxMail failed = outbox.reload(id);
        assertThat(failed.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(maxAttempts);

        sender.deliverDue(Clock.offset(clock, Duration.ofDays(1)));
        assertThat(outbox.reload(id).getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(MailServer.mailsTo(mail.to())).isEmpty();

        assertThat(outboxMailer.requeue(id)).isTrue();
        assertThat(MailServer.awaitMails(mail.to(), 1)).hasSize(1);
        await().atMost(WAIT).until(() -> mailer.status(id).orElseThrow() == MailStatus.SENT);
    }

    @Test
    void aMailClaimedByANodeThatDiedIsSentByAnotherOnceTheClaimRunsOut() throws Exception {
        Instant due = TestClock.now().plus(Duration.ofDays(3)); // out of reach of the application's own runs
        OutgoingMail mail = TestOutbox.sample();
        long id = outbox.row(mail, MailStatus.PENDING, due, m -> m.claim(due, Duration.ofMinutes(5))).getId();
        OutboxSender otherNode = outbox.otherNode(5);
        try {
            assertThat(otherNode.deliverDue(Clock.fixed(due.plus(Duration.ofMinutes(1)), ZoneOffset.UTC)))
                    .as("still claimed").isZero();
            otherNode.deliverDue(Clock.fixed(due.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        } finally {
            otherNode.destroy();
        }
        assertThat(outbox.reload(id).getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(outbox.reload(id).getAttempts()).isEqualTo(2);
        assertThat(MailServer.awaitMails(mail.to(), 1)).hasSize(1);
    }

    @Test
    void twoNodesDeliveringAtOnceSendEveryMailExactlyOnce() throws Exception {
        Instant due = TestClock.now().plus(Duration.ofDays(1)); // out of reach of the application's own runs
        List<OutgoingMail> mails = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            OutgoingMail mail = TestOutbox.sample();
            outbox.row(mail, MailStatus.PENDING, due, m -> { });
            mails.add(mail);
        }
        Clock later = Clock.fixed(due.plusSeconds(1), ZoneOffset.UTC);
        OutboxSender one = outbox.otherNode(3);
        OutboxSender two = outbox.otherNode(3);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> runs = List.of(() -> {
                start.await();
                return one.deliverDue(later);
            }, () -> {
                start.await();
                return two.deliverDue(later);
            });
            List<Future<Integer>> results = runs.stream().map(nodes::submit).toList();
            start.countDown();
            int sent = results.get(0).get() + results.get(1).get();
            assertThat(sent).isGreaterThanOrEqualTo(mails.size());
        } finally {
            nodes.shutdownNow();
            one.destroy();
            two.destroy();
        }
        for (OutgoingMail mail : mails) {
            assertThat(MailServer.awaitMails(mail.to(), 1)).as(mail.to()).hasSize(1);
        }
    }

    @Test
    void withoutAMailServerTheMailIsKeptForTheAdminAndNeverSent() {
        OutgoingMail mail = TestOutbox.sample();
        OutboxMailer trialMailer = outbox.mailerWithoutServer();
        long id = outbox.tx().execute(s -> trialMailer.send(mail));

        assertThat(trialMailer.status(id)).contains(MailStatus.KEPT);
        assertThat(trialMailer.requeue(id)).as("nothing to send it with").isFalse();
        sender.deliverDue(Clock.offset(clock, Duration.ofDays(30)));
        assertThat(outbox.reload(id).getStatus()).isEqualTo(MailStatus.KEPT);
        assertThat(outbox.reload(id).getHtmlBody()).contains("Kære " + mail.toName());
        assertThat(MailServer.mailsTo(mail.to())).isEmpty();
    }

    private static String subject(OutgoingMail mail) {
        try {
            return MailServer.awaitMails(mail.to(), 1).get(0).getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> partTypes(jakarta.mail.Part part) throws Exception {
        List<String> types = new ArrayList<>();
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                types.addAll(partTypes(multipart.getBodyPart(i)));
            }
        } else {
            types.add(part.getContentType().replaceAll("\\s+", " "));
        }
        return types;
    }
}
