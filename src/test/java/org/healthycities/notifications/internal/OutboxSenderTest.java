package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;

/** Whether mail is sent at all depends on spring.mail.host, which the trial leaves empty. */
class OutboxSenderTest {

    private static final MailSettings SETTINGS = new MailSettings("Test <noreply@localhost>", Map.of(),
            List.of(Duration.ofMinutes(1)), 5, 20, Duration.ofMinutes(5));

    private static OutboxSender sender(JavaMailSenderImpl javaMail, String host) throws Exception {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mailSender", javaMail));
        MockEnvironment environment = new MockEnvironment();
        if (host != null) {
            environment.setProperty("spring.mail.host", host);
        }
        OutboxSender sender = new OutboxSender(null, null, SETTINGS,
                beans.getBeanProvider(JavaMailSender.class), environment, Clock.systemUTC());
        sender.destroy();
        return sender;
    }

    @Test
    void anEmptyOrMissingHostMeansNoMailServerEvenIfSpringBuiltASender() throws Exception {
        assertThat(sender(new JavaMailSenderImpl(), "").enabled()).isFalse();
        assertThat(sender(new JavaMailSenderImpl(), null).enabled()).isFalse();
        assertThat(sender(new JavaMailSenderImpl(), "smtp.example.org").enabled()).isTrue();
    }

    @Test
    void aHungServerCannotHoldTheSenderForeverButConfiguredTimeoutsWin() throws Exception {
        JavaMailSenderImpl javaMail = new JavaMailSenderImpl();
        javaMail.getJavaMailProperties().setProperty("mail.smtp.timeout", "5000");
        sender(javaMail, "smtp.example.org");
        assertThat(javaMail.getJavaMailProperties())
                .containsEntry("mail.smtp.connectiontimeout", "20000")
                .containsEntry("mail.smtp.writetimeout", "20000")
                .containsEntry("mail.smtp.timeout", "5000");
    }
}
