package org.healthycities.notifications.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.healthycities.notifications.MailStatus;

/** A mail as the admin's outbox pages show it. */
record OutboxRow(long id, String networkId, String recipient, String recipientName, String locale, String template,
                 String subject, MailStatus status, int attempts, LocalDateTime created, LocalDateTime sent,
                 LocalDateTime nextAttempt, String lastError, String html, String text) {

    /** The networks (Denmark, Sweden, Norway) share one time zone, so the admin reads times in it. */
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    static OutboxRow of(OutboxMail m) {
        return new OutboxRow(m.getId(), m.getNetworkId(), m.getRecipient(), m.getRecipientName(), m.getLocale(),
                m.getTemplate(), m.getSubject(), m.getStatus(), m.getAttempts(), local(m.getCreatedAt()),
                local(m.getSentAt()), m.getStatus() == MailStatus.PENDING ? local(m.getNextAttemptAt()) : null,
                m.getLastError(), m.getHtmlBody(), m.getTextBody());
    }

    private static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZONE);
    }
}
