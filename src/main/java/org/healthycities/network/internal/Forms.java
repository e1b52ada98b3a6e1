package org.healthycities.network.internal;

/** Small helpers for what people type into the network's forms. */
final class Forms {

    private Forms() {
    }

    /** Trimmed text, or null for nothing but blanks: an empty field is stored as "not given". */
    static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
