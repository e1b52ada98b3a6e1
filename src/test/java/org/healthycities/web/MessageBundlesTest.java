package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The bundles are found, not listed: every bundle file under src/main/resources/i18n is one of the base names the
 * message source reads, and a text of a feature's bundle resolves in each language through the message source as
 * the application builds it.
 */
class MessageBundlesTest {

    private static final Path SOURCES = Path.of("src/main/resources/i18n");

    @Test
    void everyBundleFileInTheSourcesIsFound() throws IOException {
        List<String> inSources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            inSources = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".properties"))
                    .map(f -> "i18n/" + f.replaceFirst("(_(da|en|sv|nb))?\\.properties$", ""))
                    .distinct().toList();
        }
        assertThat(inSources).as("bundles in " + SOURCES).hasSizeGreaterThan(10).contains("i18n/knowledge");

        List<String> basenames = MessageBundles.basenames(List.of("messages"));

        assertThat(basenames).first().isEqualTo("messages");
        assertThat(basenames).doesNotHaveDuplicates()
                .containsAll(inSources)
                // no language file taken for a bundle of its own
                .noneMatch(name -> name.matches(".*_(da|en|sv|nb)$"));
        assertThat(basenames).hasSize(inSources.size() + 1);
    }

    @Test
    void aLanguageSuffixIsNotPartOfTheBundlesName() throws IOException {
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver() {
            @Override
            public Resource[] getResources(String pattern) {
                assertThat(pattern).isEqualTo(MessageBundles.PATTERN);
                return Stream.of("survey-results.properties", "survey-results_en.properties", "survey-results_sv.properties",
                                "survey-results_nb.properties", "only-swedish_sv.properties", "danish_da.properties",
                                "british_en_GB.properties")
                        .map(name -> new org.springframework.core.io.ByteArrayResource(new byte[0]) {
                            @Override
                            public String getFilename() {
                                return name;
                            }
                        })
                        .toArray(Resource[]::new);
            }
        };

        assertThat(MessageBundles.basenames(List.of("messages", "i18n/danish"), resolver)).containsExactly(
                "messages", "i18n/danish", "i18n/british", "i18n/only-swedish", "i18n/survey-results");
    }

    @Test
    void aFeaturesTextResolvesThroughTheApplicationsMessageSource() {
        MessageSource messages = applicationsMessageSource();

        assertThat(messages.getMessage("knowledge.title", null, Locale.forLanguageTag("da"))).isEqualTo("Vidensbank");
        assertThat(messages.getMessage("knowledge.title", null, Locale.forLanguageTag("sv"))).isEqualTo("Kunskapsbank");
        assertThat(messages.getMessage("knowledge.title.network", new Object[] {"Sund By"}, Locale.forLanguageTag("sv")))
                .isEqualTo("Kunskapsbank – Sund By");
        // the configured bundle is still read beside the found ones
        assertThat(messages.getMessage("layout.skip", null, Locale.forLanguageTag("en"))).isEqualTo("Skip to content");
        assertThatThrownBy(() -> messages.getMessage("no.such.key", null, Locale.forLanguageTag("da")))
                .isInstanceOf(NoSuchMessageException.class);
    }

    /** As application.yml configures it: spring.messages.basename=messages, UTF-8, no fallback to the system's. */
    private static MessageSource applicationsMessageSource() {
        MessageSourceProperties properties = new MessageSourceProperties();
        properties.setBasename(List.of("messages"));
        properties.setFallbackToSystemLocale(false);
        return new WebConfiguration().messageSource(properties);
    }
}
