package org.healthycities.security;

import java.util.List;

/**
 * Paths a feature serves to people without an account (applicants, workshop participants, coordinators
 * with a private link). Every other path needs a login. Features declare theirs as a bean.
 */
public record PublicPaths(List<String> patterns) {

    public static PublicPaths of(String... patterns) {
        return new PublicPaths(List.of(patterns));
    }
}
