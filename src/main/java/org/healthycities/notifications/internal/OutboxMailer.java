package org.healthycities.notifications.internal;

import java.time.Clock;
import java.util.Optional;
import org.healthycities.notifications.MailStatus;
import org.healthycities.notifications.Mailer;
import org.healthycities.notifications.OutgoingMail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The {@link Mailer}: renders, writes to the outbox in the caller's transaction, and wakes the sender after commit. */
@Service
class OutboxMailer implements Mailer {

    private final OutboxRepository outbox;
    private final MailRenderer renderer;
    private final OutboxSender sender;
    private final Clock clock;

    OutboxMailer(OutboxRepository outbox, MailRenderer renderer, OutboxSender sender, Clock clock) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long send(OutgoingMail mail) {
        if (!Mailer.takes(mail.to())) {
            throw new IllegalArgumentException("Not a mail address: " + mail.to());
        }
        if (mail.dedupKey() != null) {
            // the unique key backs this check if two transactions race with the same key
            Optional<OutboxMail> earlier = outbox.findByDedupKey(mail.dedupKey());
            if (earlier.isPresent()) {
                return earlier.get().getId();
            }
        }
        MailStatus status = sender.enabled() ? MailStatus.PENDING : MailStatus.KEPT;
        OutboxMail saved = outbox.save(new OutboxMail(mail, renderer.render(mail), status, clock.instant()));
        wakeSenderAfterCommit();
        return saved.getId();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MailStatus> status(long id) {
        return outbox.findById(id).map(OutboxMail::getStatus);
    }

    /** The admin sends a failed or kept mail again; false if there is no such mail or nothing to send it with. */
    @Transactional
    public boolean requeue(long id) {
        Optional<OutboxMail> mail = outbox.findById(id).filter(m -> canRequeue(m.getStatus()));
        mail.ifPresent(m -> {
            m.requeue(clock.instant());
            wakeSenderAfterCommit();
        });
        return mail.isPresent();
    }

    boolean canRequeue(MailStatus status) {
        return sender.enabled() && (status == MailStatus.FAILED || status == MailStatus.KEPT);
    }

    private void wakeSenderAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.trigger();
                }
            });
        } else {
            sender.trigger();
        }
    }
}
