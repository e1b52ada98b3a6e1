package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.healthycities.notifications.MailStatus;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings settings(List<Duration> delays, int maxAttempts) {
        return new MailSettings("Test <noreply@localhost>", Map.of("hc-sverige", "HCS <noreply@hcs.test>"), delays,
                maxAttempts, 20, Duration.ofMinutes(5));
    }

    @Test
    void eachFailedAttemptWaitsItsOwnDelayAndTheLastOneRepeats() {
        MailSettings s = settings(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofMinutes(60)), 8);
        assertThat(List.of(1, 2, 3, 4, 5, 7).stream().map(s::delayAfter).map(Duration::toMinutes))
                .containsExactly(1L, 5L, 15L, 60L, 60L, 60L);
    }

    @Test
    void aNetworkMayHaveItsOwnSender() {
        MailSettings s = settings(List.of(Duration.ofMinutes(1)), 5);
        assertThat(s.fromFor("hc-sverige")).isEqualTo("HCS <noreply@hcs.test>");
        assertThat(s.fromFor("sund-by")).isEqualTo("Test <noreply@localhost>");
    }

    @Test
    void settingsThatCouldNeverSendOrWouldSpinAreRefusedAtStart() {
        assertThatThrownBy(() -> settings(List.of(), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(List.of(Duration.ZERO), 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings(List.of(Duration.ofMinutes(1)), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedAttemptWaitsOrGivesUpWhenTheAttemptsAreUsed() {
        MailSettings s = settings(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)), 2);
        OutboxMail mail = new OutboxMail();
        java.time.Instant t = java.time.Instant.parse("2026-11-24T10:00:00Z");
        mail.claim(t, Duration.ofMinutes(5));
        mail.failed(t, "Connection refused", s);
        assertThat(mail.getStatus()).isEqualTo(MailStatus.PENDING);
        assertThat(mail.getNextAttemptAt()).isEqualTo(t.plus(Duration.ofMinutes(1)));
        mail.claim(t, Duration.ofMinutes(5));
        mail.failed(t, "x".repeat(5000), s);
        assertThat(mail.getStatus()).isEqualTo(MailStatus.FAILED);
        assertThat(mail.getAttempts()).isEqualTo(2);
        assertThat(mail.getLastError()).hasSize(1000);
    }
}
