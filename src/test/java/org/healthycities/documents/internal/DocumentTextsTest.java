package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every text of the feature is there in Danish, English, Swedish and Norwegian, every refusal included. */
class DocumentTextsTest {

    private static Properties bundle(String suffix) throws IOException {
        Properties p = new Properties();
        try (var in = DocumentTextsTest.class.getResourceAsStream("/i18n/documents" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyLanguageHasEveryKey() throws IOException {
        Properties danish = bundle("");
        assertThat(danish.stringPropertyNames()).contains("document.empty", "document.tooLarge", "document.type",
                "document.encrypted", "document.corrupt", "document.bomb", "document.nested", "document.timeout",
                "document.unreadable", "document.busy");
        for (String language : List.of("_en", "_sv", "_nb")) {
            assertThat(bundle(language).stringPropertyNames()).as(language).isEqualTo(danish.stringPropertyNames());
        }
    }
}
