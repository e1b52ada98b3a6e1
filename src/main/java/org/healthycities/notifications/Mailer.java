package org.healthycities.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/** Sends mails through the outbox. The one way any feature sends mail. */
public interface Mailer {

    /**
     * Renders the mail now (a template error fails the caller) and writes it to the outbox in the caller's
     * transaction (or its own, if the caller has none). It is delivered after commit, retried while the mail
     * server is down, and never sent if the transaction rolls back. With a dedup key that was used before,
     * nothing new is written. A recipient address the mailer does not {@link #takes take} is refused
     * (IllegalArgumentException).
     *
     * @return the outbox id of the mail (the earlier one, for a dedup key used before)
     */
    long send(OutgoingMail mail);

    /** Where the mail with this outbox id stands. */
    Optional<MailStatus> status(long id);

    /** Whether the mailer takes this address: {@link #send} refuses a mail to any other. */
    static boolean takes(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            new InternetAddress(address, true);
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
