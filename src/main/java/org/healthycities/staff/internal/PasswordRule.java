package org.healthycities.staff.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a staff password must be: at least 12 characters, not one of the common passwords shipped in
 * {@code staff/common-passwords.txt} (compared without case, and without the digits and marks people add at the
 * end, so "Sommer2024!!" is as weak as "sommer"), and not the user name. Length beats composition rules, so
 * there are none.
 */
@Component
class PasswordRule {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordRule() {
        this.common = load();
    }

    /** The message key of what is wrong with the password, or empty when it will do. */
    Optional<String> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("staff.password.tooShort");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("staff.password.tooLong");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (common.contains(lower) || common.contains(core) || core.isEmpty() || oneCharacter(lower)) {
            return Optional.of("staff.password.common");
        }
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("staff.password.username");
        }
        return Optional.empty();
    }

    /** "aaaaaaaaaaaa" is long but no password. */
    private static boolean oneCharacter(String s) {
        return s.chars().distinct().count() <= 2;
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("staff/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
