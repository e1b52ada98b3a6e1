package org.healthycities.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/** What erased personal data turns into. */
@NamedInterface("personal-data")
public final class Erased {

    /** Stands where a name or an address was (in columns that may not be empty). */
    public static final String MARKER = "slettet/erased";

    private Erased() {
    }

    /**
     * The text with every occurrence of the person's address and name (any case, as a whole word: "Anne" does not
     * touch "Hanne") replaced by the marker. Terms shorter than {@link PersonQuery#MIN_NAME_LENGTH} (stored names
     * are not checked like a query) and the marker itself are left alone.
     */
    public static String redact(String text, PersonQuery person) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String term : person.terms()) {
            if (term.length() < PersonQuery.MIN_NAME_LENGTH || term.equalsIgnoreCase(MARKER)) {
                continue;
            }
            result = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(result).replaceAll(Matcher.quoteReplacement(MARKER));
        }
        return result;
    }

    /** {@link #redact(String, PersonQuery)} for each of several people in turn. */
    public static String redact(String text, List<PersonQuery> people) {
        String result = text;
        for (PersonQuery p : people) {
            result = redact(result, p);
        }
        return result;
    }
}
