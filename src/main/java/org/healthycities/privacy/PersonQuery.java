package org.healthycities.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/**
 * Whom to look for: an email address and/or a full name, matched exactly (ignoring case, as the database's
 * collation does) in fields that hold an address or a name, and as text inside free texts when redacting.
 */
@NamedInterface("personal-data")
public record PersonQuery(String email, String name) {

    /** Shorter names would match far too much inside free texts. */
    public static final int MIN_NAME_LENGTH = 4;
    /** Never equal to a stored value: stands in for an absent part in SQL "column = ?" conditions. */
    private static final String NOTHING = "\u0000";

    public PersonQuery {
        email = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        name = name == null || name.isBlank() ? null : name.strip().replaceAll("\\s+", " ");
    }

    public static PersonQuery of(String email, String name) {
        return new PersonQuery(email, name);
    }

    /** Message keys of what is wrong with the query; empty when it may be run. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (email == null && name == null) {
            problems.add("privacy.query.empty");
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
            problems.add("privacy.query.email");
        }
        if (name != null && name.length() < MIN_NAME_LENGTH) {
            problems.add("privacy.query.name");
        }
        return problems;
    }

    /** The address for "column = ?", or a value no column holds when none was given. */
    public String emailParam() {
        return email == null ? NOTHING : email;
    }

    /** The name for "column = ?", or a value no column holds when none was given. */
    public String nameParam() {
        return name == null ? NOTHING : name;
    }

    /** Whether a stored address is the person's. */
    public boolean isEmail(String value) {
        return email != null && value != null && value.strip().equalsIgnoreCase(email);
    }

    /** Whether a stored name is the person's. */
    public boolean isName(String value) {
        return name != null && value != null && value.strip().replaceAll("\\s+", " ").equalsIgnoreCase(name);
    }

    /** The texts to look for inside free texts: the address and the name that were given. */
    public List<String> terms() {
        List<String> terms = new ArrayList<>(2);
        if (email != null) {
            terms.add(email);
        }
        if (name != null) {
            terms.add(name);
        }
        return terms;
    }

    /** SQL LIKE patterns ("%term%", wildcards escaped with '\') for {@link #terms()}. */
    public List<String> likePatterns() {
        return terms().stream().map(PersonQuery::contains).toList();
    }

    static String contains(String term) {
        return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
