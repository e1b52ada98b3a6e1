package org.healthycities.network;

import jakarta.persistence.Embeddable;

/**
 * Someone to reach about a member or an application (the political contact, the administrative contact, the
 * coordinator): name, e-mail and phone, trimmed, blanks as none. Entities keep it in their own columns.
 */
@Embeddable
public record Contact(String name, String email, String phone) {

    public Contact {
        name = trim(name);
        email = trim(email);
        phone = trim(phone);
    }

    /** A contact of which nothing is known. */
    public static final Contact NONE = new Contact(null, null, null);

    /** The contact, or {@link #NONE} for the null JPA leaves in an entity when all its columns are empty. */
    public static Contact orNone(Contact c) {
        return c == null ? NONE : c;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
