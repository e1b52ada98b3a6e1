package org.healthycities.notifications.internal;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.healthycities.notifications.MailStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Delivers due mails from the outbox over SMTP, on its own thread: right after a sending transaction commits
 * and on a schedule for retries. Each attempt claims its mails in a short transaction (row locks with SKIP
 * LOCKED), sends outside any transaction, then records the outcome, so two nodes never send one mail twice
 * (a node that dies between sending and recording may cause one repeat after the claim runs out: SMTP
 * offers no better).
 */
@Component
class OutboxSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final MailSettings settings;
    private final JavaMailSender mail;
    private final Clock clock;
    private final ExecutorService worker;
    private final AtomicBoolean queued = new AtomicBoolean();

    @Autowired
    OutboxSender(OutboxRepository outbox, PlatformTransactionManager transactions, MailSettings settings,
                 ObjectProvider<JavaMailSender> senders, Environment environment, Clock clock) {
        // Spring Boot builds a sender even for an empty host; an empty host means "no mail server" here
        this(outbox, transactions, settings,
                StringUtils.hasText(environment.getProperty("spring.mail.host")) ? senders.getIfAvailable() : null,
                clock);
    }

    /** With {@code mail} null there is no mail server: nothing is ever sent. */
    OutboxSender(OutboxRepository outbox, PlatformTransactionManager transactions, MailSettings settings,
                 JavaMailSender mail, Clock clock) {
        this.outbox = outbox;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.mail = mail;
        this.clock = clock;
        this.worker = mail == null ? null : Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mail-sender");
            thread.setDaemon(true);
            return thread;
        });
        if (mail instanceof JavaMailSenderImpl impl) {
            // JavaMail waits forever by default: one hung server would stop every later mail
            for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
                impl.getJavaMailProperties().putIfAbsent("mail.smtp." + timeout, "20000");
            }
        }
    }

    boolean enabled() {
        return mail != null;
    }

    /** Asks for a delivery run soon; asks that come while one is waiting to start are served by that one. */
    void trigger() {
        if (enabled() && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    deliverDue(clock);
                } catch (RuntimeException e) {
                    log.warn("Mail delivery run failed; the next run retries", e);
                }
            });
        }
    }

    @Scheduled(initialDelayString = "${hc.mail.poll-interval:30s}", fixedDelayString = "${hc.mail.poll-interval:30s}")
    void poll() {
        trigger();
    }

    /**
     * Sends every mail due by the clock's time, batch by batch, and records each outcome. Stops after a batch
     * with a failure, as the server is probably down and the mails wait for their next attempt anyway.
     *
     * @return how many mails were sent
     */
    int deliverDue(Clock clock) {
        int sent = 0;
        boolean more = true;
        while (more) {
            List<OutboxMail> batch = tx.execute(s -> {
                List<OutboxMail> due = outbox.lockDue(clock.instant(), settings.batchSize());
                due.forEach(m -> m.claim(clock.instant(), settings.lease()));
                return due;
            });
            int sentBefore = sent;
            for (OutboxMail claimed : batch) {
                sent += deliver(claimed, clock) ? 1 : 0;
            }
            more = batch.size() == settings.batchSize() && sent - sentBefore == batch.size();
        }
        return sent;
    }

    private boolean deliver(OutboxMail claimed, Clock clock) {
        String error = null;
        try {
            mail.send(message(claimed));
        } catch (Exception e) { // any failure of one mail must not hold back the others
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.info("Mail {} not sent (attempt {}): {}", claimed.getId(), claimed.getAttempts(), error);
        }
        String failure = error;
        tx.executeWithoutResult(s -> outbox.findById(claimed.getId())
                // only if the claim is still ours (not run out and taken by another node)
                .filter(m -> m.getStatus() == MailStatus.SENDING && m.getAttempts() == claimed.getAttempts())
                .ifPresent(m -> {
                    if (failure == null) {
                        m.sent(clock.instant());
                    } else {
                        m.failed(clock.instant(), failure, settings);
                    }
                }));
        return error == null;
    }

    private MimeMessage message(OutboxMail m) throws Exception {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(m.getSender() != null ? m.getSender() : settings.fromFor(m.getNetworkId()));
        helper.setTo(new InternetAddress(m.getRecipient(), m.getRecipientName(), StandardCharsets.UTF_8.name()));
        helper.setSubject(m.getSubject());
        helper.setText(m.getTextBody(), m.getHtmlBody());
        message.setHeader("Auto-Submitted", "auto-generated"); // RFC 3834: no out-of-office replies, please
        return message;
    }

    @Override
    public void destroy() throws InterruptedException {
        if (worker != null) {
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
