package org.healthycities.notifications.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hc.mail.*}: the sender address and how delivery is retried. The mail server itself is Spring's
 * {@code spring.mail.*}; without {@code spring.mail.host} mails are kept in the outbox, not sent.
 *
 * @param from         the From header, e.g. {@code Sund By Netværket <noreply@sundbynetvaerket.dk>}
 * @param networkFrom  a network's own From header, by network id (e.g. {@code hc.mail.network-from.hc-sverige})
 * @param retryDelays  the wait after the 1st, 2nd, ... failed attempt (the last one repeats)
 * @param maxAttempts  attempts before a mail is marked FAILED
 * @param batchSize    mails claimed per database round trip
 * @param lease        how long a claim holds before another node may take the mail again
 */
@ConfigurationProperties("hc.mail")
record MailSettings(@DefaultValue("Sund By Netværket <noreply@localhost>") String from,
                    @DefaultValue Map<String, String> networkFrom,
                    @DefaultValue({"1m", "5m", "15m", "60m"}) List<Duration> retryDelays,
                    @DefaultValue("5") int maxAttempts,
                    @DefaultValue("20") int batchSize,
                    @DefaultValue("5m") Duration lease) {

    MailSettings {
        if (retryDelays.isEmpty() || retryDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())
                || maxAttempts < 1 || batchSize < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("hc.mail: retry-delays and lease must be positive, max-attempts "
                    + "and batch-size at least 1");
        }
        retryDelays = List.copyOf(retryDelays);
        networkFrom = Map.copyOf(networkFrom);
    }

    String fromFor(String networkId) {
        return networkFrom.getOrDefault(networkId, from);
    }

    Duration delayAfter(int failedAttempts) {
        return retryDelays.get(Math.min(failedAttempts, retryDelays.size()) - 1);
    }
}
