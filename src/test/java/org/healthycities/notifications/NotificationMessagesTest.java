package org.healthycities.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every text of the feature exists in all four languages. */
class NotificationMessagesTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(NotificationMessagesTest.class
                .getResourceAsStream("/i18n/notifications" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_en", "_sv", "_nb"})
    void eachLanguageHasEveryDanishKeyAndNoEmptyText(String language) throws IOException {
        Properties danish = bundle("");
        Properties other = bundle(language);
        assertThat(other.stringPropertyNames()).isEqualTo(danish.stringPropertyNames());
        assertThat(other.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    @Test
    void everyStatusHasALabel() throws IOException {
        Properties danish = bundle("");
        for (MailStatus status : MailStatus.values()) {
            assertThat(danish).containsKey("notifications.status." + status);
        }
    }
}
