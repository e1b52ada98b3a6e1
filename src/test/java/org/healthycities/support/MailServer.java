package org.healthycities.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real SMTP server of the tests: one GreenMail per test JVM on 127.0.0.1, started before the shared
 * Spring context (this is an initializer of {@link IntegrationTest}), which finds its port in
 * {@code hc.test.smtp-port}. The port is free at start, or fixed with {@code -Dhc.test.smtp-port=3025}.
 * Tests find their mails by a recipient address of their own (the server keeps every test's mails).
 */
public final class MailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static GreenMail server;
    private static int port;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        get();
        TestPropertyValues.of("hc.test.smtp-port=" + port).applyTo(context);
    }

    /** The server, started on first use. */
    public static synchronized GreenMail get() {
        if (server == null) {
            port = Integer.getInteger("hc.test.smtp-port", freePort());
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
        return server;
    }

    /** Takes the server down, as a mail server outage would (its mails so far are gone). */
    public static synchronized void stop() {
        get().stop();
    }

    /** Brings the server back on the same port. */
    public static synchronized void start() {
        get().start();
    }

    /** The mails received for this address, waiting until there are at least {@code count}. */
    public static List<MimeMessage> awaitMails(String recipient, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(recipient), mails -> mails.size() >= count);
    }

    /** The mails received so far for this address. */
    public static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(get().getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
    }

    /** The HTML part of a received mail. */
    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    /** The plain-text part of a received mail. */
    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    private static boolean isTo(MimeMessage mail, String recipient) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return ((String) part.getContent()).replace("\r\n", "\n"); // SMTP's line ends, as written
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
