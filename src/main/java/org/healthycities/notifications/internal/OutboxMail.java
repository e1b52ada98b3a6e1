package org.healthycities.notifications.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.healthycities.notifications.MailStatus;
import org.healthycities.notifications.OutgoingMail;

/** One mail in the outbox, rendered when it was written, with its delivery state. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    private static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String recipient;
    private String recipientName;
    private String locale;
    private String template;
    private String subject;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String htmlBody;
    @Column(columnDefinition = "MEDIUMTEXT")
    private String textBody;
    private String dedupKey;
    private String sender;
    @Enumerated(EnumType.STRING)
    private MailStatus status;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxMail() {
    }

    OutboxMail(OutgoingMail mail, RenderedMail rendered, MailStatus status, Instant now) {
        this.networkId = mail.networkId();
        this.recipient = mail.to();
        this.recipientName = mail.toName();
        this.locale = mail.locale().toLanguageTag();
        this.template = mail.template();
        this.dedupKey = mail.dedupKey();
        this.subject = rendered.subject();
        this.sender = rendered.sender();
        this.htmlBody = rendered.html();
        this.textBody = rendered.text();
        this.status = status;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Takes the mail for one attempt; if this node dies, another may take it again once the lease is over. */
    void claim(Instant now, Duration lease) {
        status = MailStatus.SENDING;
        attempts++;
        nextAttemptAt = now.plus(lease);
    }

    void sent(Instant now) {
        status = MailStatus.SENT;
        sentAt = now;
        lastError = null;
    }

    /** After a failed attempt: try again later, or give up once the attempts are used up. */
    void failed(Instant now, String error, MailSettings settings) {
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
        if (attempts >= settings.maxAttempts()) {
            status = MailStatus.FAILED;
        } else {
            status = MailStatus.PENDING;
            nextAttemptAt = now.plus(settings.delayAfter(attempts));
        }
    }

    /** The admin asks for a failed (or kept) mail to be sent again, with a fresh count of attempts. */
    void requeue(Instant now) {
        status = MailStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    Long getId() {
        return id;
    }

    String getNetworkId() {
        return networkId;
    }

    String getRecipient() {
        return recipient;
    }

    String getRecipientName() {
        return recipientName;
    }

    String getLocale() {
        return locale;
    }

    String getTemplate() {
        return template;
    }

    String getSender() {
        return sender;
    }

    String getSubject() {
        return subject;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    String getTextBody() {
        return textBody;
    }

    String getDedupKey() {
        return dedupKey;
    }

    MailStatus getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getSentAt() {
        return sentAt;
    }
}
