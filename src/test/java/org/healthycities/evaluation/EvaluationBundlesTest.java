package org.healthycities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Danish text of the evaluation exists in English, Swedish and Norwegian, and none is left empty. */
class EvaluationBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "sv", "nb"})
    void everyTextIsTranslated(String language) throws IOException {
        Properties danish = load("/i18n/evaluation.properties");
        Properties other = load("/i18n/evaluation_" + language + ".properties");
        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(danish.stringPropertyNames());
        other.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_sv", "_nb"})
    void apostrophesAreDoubledOnlyWhereMessageFormatRuns(String suffix) throws IOException {
        load("/i18n/evaluation" + suffix + ".properties").forEach((k, v) -> {
            String text = v.toString();
            boolean hasArguments = text.matches("(?s).*\\{\\d}.*");
            assertThat(!hasArguments && text.contains("''")).as("doubled apostrophe shown as is in " + k).isFalse();
            assertThat(hasArguments && text.replace("''", "").contains("'")).as("single apostrophe lost in " + k).isFalse();
        });
    }

    private static Properties load(String path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EvaluationBundlesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
