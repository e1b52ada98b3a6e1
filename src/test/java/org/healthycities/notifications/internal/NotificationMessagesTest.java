package org.healthycities.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.healthycities.notifications.MailStatus;
import org.junit.jupiter.api.Test;

/** Every mail status has a label (the four languages are checked for every bundle by web.BundlesTest). */
class NotificationMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(NotificationMessagesTest.class
                .getResourceAsStream("/i18n/notifications" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyStatusHasALabel() throws IOException {
        Properties danish = bundle("");
        for (MailStatus status : MailStatus.values()) {
            assertThat(danish).containsKey("notifications.status." + status);
        }
    }
}
