package org.healthycities.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.healthycities.notifications.MailStatus;
import org.healthycities.notifications.OutgoingMail;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Mails and outbox rows for the notification tests, each to an address of its own. */
@Component
class TestOutbox {

    static final String TEMPLATE = "notifications/mail/test";

    final OutboxRepository repository;
    final MailRenderer renderer;
    final PlatformTransactionManager transactions;
    final MailSettings settings;
    final JavaMailSender javaMail;
    final Clock clock;

    TestOutbox(OutboxRepository repository, MailRenderer renderer, PlatformTransactionManager transactions,
               MailSettings settings, JavaMailSender javaMail, Clock clock) {
        this.repository = repository;
        this.renderer = renderer;
        this.transactions = transactions;
        this.settings = settings;
        this.javaMail = javaMail;
        this.clock = clock;
    }

    /** A unique recipient address, so a test finds its own mails on the shared server. */
    static String address() {
        return "to-" + UUID.randomUUID() + "@example.org";
    }

    /** The sample mail in Danish to a new address, with a name that needs UTF-8. */
    static OutgoingMail sample() {
        return OutgoingMail.to(address(), Locale.forLanguageTag("da"), TEMPLATE, "sund-by")
                .withName("Åse Ærø " + UUID.randomUUID().toString().substring(0, 6))
                .with("message", "Hilsen fra sekretariatet")
                .with("items", List.of("Første punkt", "Andet punkt"));
    }

    TransactionTemplate tx() {
        return new TransactionTemplate(transactions);
    }

    /** An outbox row written directly, put in whatever state the test needs. */
    OutboxMail row(OutgoingMail mail, MailStatus status, Instant createdAt, Consumer<OutboxMail> state) {
        OutboxMail row = new OutboxMail(mail, renderer.render(mail), status, createdAt);
        state.accept(row);
        return tx().execute(s -> repository.save(row));
    }

    OutboxMail reload(long id) {
        return repository.findById(id).orElseThrow();
    }

    /** A mailer of an application without a mail server (the trial default). */
    OutboxMailer mailerWithoutServer() {
        return new OutboxMailer(repository, renderer, new OutboxSender(repository, transactions, settings, null, clock),
                clock);
    }

    /** Another application node's sender on the same database, delivering in batches of the given size. */
    OutboxSender otherNode(int batchSize) {
        return new OutboxSender(repository, transactions, new MailSettings(settings.from(), settings.networkFrom(),
                settings.retryDelays(), settings.maxAttempts(), batchSize, Duration.ofMinutes(5)), javaMail, clock);
    }

    /** Settings that give up after the first failed attempt. */
    MailSettings oneAttempt() {
        return new MailSettings(settings.from(), settings.networkFrom(), settings.retryDelays(), 1,
                settings.batchSize(), settings.lease());
    }
}
