package org.healthycities.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page must not show a person, checked over its whole text, whatever the page: a message key Thymeleaf
 * could not find (??key_locale??), a bundle key left in the text, a date in a machine's or another country's
 * format (every date goes through web/Dates), a network's id where its name belongs, and, in English, Swedish
 * and Norwegian, a process or task name left in the diagram's Danish.
 */
public final class PageWords {

    public static final Pattern RAW_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    public static final Pattern BUNDLE_KEY = Pattern.compile("\\b(?:app|layout|nav|error|tasks|process|membership|"
            + "workshop|evaluation|network|forms|documents|notifications|privacy|staff|mail|security)\\.[a-zA-Z][\\w.-]*\\b");
    public static final Pattern MACHINE_DATE = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[-/]\\d{1,2}[-/ ]\\d{4}\\b|\\b\\d{1,2}/\\d{1,2}\\b");
    public static final Pattern NETWORK_ID = Pattern.compile("\\b(sund-by|hc-sverige|sunne-kommuner)\\b");

    private PageWords() {
    }

    /** Each problem with the words around it; empty when the page reads as words. */
    public static List<String> problems(String text, String language) {
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(RAW_KEY, BUNDLE_KEY, MACHINE_DATE, NETWORK_ID)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(around(text, m.start(), m.end()));
            }
        }
        if (!"da".equals(language)) {
            Properties danish = bundle("i18n/tasks.properties");
            Properties theirs = bundle("i18n/tasks_" + language + ".properties");
            for (String key : danish.stringPropertyNames()) {
                String name = danish.getProperty(key);
                // a process or task name of some length that this language says differently
                if (key.startsWith("process.") && !key.endsWith(".complete") && !key.contains(".complete.")
                        && name.contains(" ") && !name.equals(theirs.getProperty(key))) {
                    // whole words only: Danish "7 dage" is no fault in Norwegian "7 dager"
                    Matcher m = Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(name) + "(?![\\p{L}])").matcher(text);
                    if (m.find()) {
                        found.add("untranslated " + key + ": " + around(text, m.start(), m.end()));
                    }
                }
            }
        }
        return found;
    }

    private static String around(String text, int start, int end) {
        return "\"" + text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)) + "\"";
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = PageWords.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
