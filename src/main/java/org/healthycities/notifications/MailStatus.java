package org.healthycities.notifications;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** No mail server is configured (a trial): the mail is kept for the admin to read and never sent. */
    KEPT,
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Claimed by a node that is sending it now. */
    SENDING,
    SENT,
    /** Gave up after the configured number of attempts; the admin may send it again. */
    FAILED
}
