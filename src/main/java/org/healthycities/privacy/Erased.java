package org.healthycities.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What erased personal data turns into. */
public final class Erased {

    /** Stands where a name or an address was (in columns that may not be empty). */
    public static final String MARKER = "slettet/erased";

    private Erased() {
    }

    /** The text with every occurrence of the person's address and name (any case) replaced by the marker. */
    public static String redact(String text, PersonQuery person) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String term : person.terms()) {
            result = Pattern.compile(Pattern.quote(term), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll(Matcher.quoteReplacement(MARKER));
        }
        return result;
    }

    /** The marker for a value that was set, null for one that was not. */
    public static String ifSet(String value) {
        return value == null ? null : MARKER;
    }
}
