package org.healthycities.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The message bundles, found rather than listed: every {@code i18n/<name>*.properties} on the classpath is
 * the bundle {@code i18n/<name>}, whatever languages it has ({@code _en}, {@code _sv}, {@code _nb},
 * {@code _da}). A feature that adds {@code i18n/<feature>.properties} is read without touching the
 * configuration. The bundles of {@code spring.messages.basename} (by default {@code messages}) come first.
 */
final class MessageBundles {

    static final String PATTERN = "classpath*:i18n/*.properties";

    /** A file's name less its language (da, en, sv, nb; also en_GB style) and {@code .properties}. */
    private static final Pattern LANGUAGE = Pattern.compile("_(da|en|sv|nb)(_[A-Z]{2})?\\.properties$");

    private MessageBundles() {
    }

    /** The configured base names first, then every i18n bundle found, each once, the found ones sorted. */
    static List<String> basenames(Collection<String> configured, ResourcePatternResolver resolver) {
        Set<String> names = new LinkedHashSet<>(configured);
        names.addAll(found(resolver));
        return new ArrayList<>(names);
    }

    static List<String> basenames(Collection<String> configured) {
        return basenames(configured, new PathMatchingResourcePatternResolver(MessageBundles.class.getClassLoader()));
    }

    /** The i18n bundles on the classpath, as base names ({@code i18n/knowledge}), sorted. */
    static List<String> found(ResourcePatternResolver resolver) {
        Set<String> names = new TreeSet<>();
        try {
            for (Resource resource : resolver.getResources(PATTERN)) {
                String file = resource.getFilename();
                if (file == null || !file.endsWith(".properties")) {
                    continue;
                }
                String danish = LANGUAGE.matcher(file).replaceFirst(".properties");
                names.add("i18n/" + danish.substring(0, danish.length() - ".properties".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the message bundles (" + PATTERN + ")", e);
        }
        return List.copyOf(names);
    }
}
