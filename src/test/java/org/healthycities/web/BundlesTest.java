package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text of every feature exists in Danish, English, Swedish and Norwegian (so a Swedish applicant or a
 * Norwegian participant never meets a Danish fallback), none is empty, and apostrophes come out as written: doubled
 * in a text with arguments (a valid pattern, where a lone ' swallows the text after it), single in one without.
 */
class BundlesTest {

    private static final List<String> OTHERS = List.of("en", "sv", "nb");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");

    static Stream<String> bundles() throws IOException {
        List<String> names = new ArrayList<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            if (!r.getFilename().contains("_")) {
                names.add("i18n/" + r.getFilename().replace(".properties", ""));
            }
        }
        names.add("messages");
        assertThat(names).hasSizeGreaterThan(10);
        return names.stream().sorted();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        var in = BundlesTest.class.getClassLoader().getResourceAsStream(name + ".properties");
        assertThat(in).as(name).isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void eachLanguageSaysEverythingTheDanishSays(String bundle) throws IOException {
        Properties danish = load(bundle);
        for (String language : OTHERS) {
            Properties other = load(bundle + "_" + language);
            assertThat(other.stringPropertyNames()).as(bundle + "_" + language + " keys")
                    .containsExactlyInAnyOrderElementsOf(danish.stringPropertyNames());
            assertThat(other.stringPropertyNames()).allSatisfy(key ->
                    assertThat(other.getProperty(key)).as(bundle + "_" + language + ": " + key).isNotBlank());
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void textsWithArgumentsAreValidPatternsThatKeepTheirApostrophes(String bundle) throws IOException {
        for (String language : Stream.concat(Stream.of(""), OTHERS.stream().map(l -> "_" + l)).toList()) {
            Properties texts = load(bundle + language);
            Locale locale = language.isEmpty() ? Locale.forLanguageTag("da") : Locale.forLanguageTag(language.substring(1));
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (!ARGUMENT.matcher(text).find()) {
                    // shown as written: a doubled apostrophe would show twice
                    assertThat(text).as(bundle + language + ": " + key + " has '' but no arguments").doesNotContain("''");
                    continue;
                }
                // as the application formats it (IcuMessageSource); throws if the pattern is invalid
                new com.ibm.icu.text.MessageFormat(text, com.ibm.icu.util.ULocale.forLocale(locale))
                        .format(new Object[] {1, 2, 3, 4, 5});
                assertThat(text.replace("''", "")).as(bundle + language + ": " + key
                        + " has a lone apostrophe, which hides the text after it (write '' in a text with arguments)")
                        .doesNotContain("'");
            }
        }
    }
}
