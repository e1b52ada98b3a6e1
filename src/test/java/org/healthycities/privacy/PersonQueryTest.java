package org.healthycities.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonQueryTest {

    @Test
    void normalisesAndChecksTheQuery() {
        PersonQuery q = PersonQuery.of("  Anne.K@Example.ORG ", "  Anne   Koordinator ");
        assertThat(q.email()).isEqualTo("anne.k@example.org");
        assertThat(q.name()).isEqualTo("Anne Koordinator");
        assertThat(q.problems()).isEmpty();
        assertThat(PersonQuery.of(" ", null).problems()).containsExactly("privacy.query.empty");
        assertThat(PersonQuery.of("no-at-sign", null).problems()).containsExactly("privacy.query.email");
        assertThat(PersonQuery.of(null, "Bo").problems()).containsExactly("privacy.query.name");
    }

    @Test
    void matchesStoredValuesIgnoringCaseAndSpacing() {
        PersonQuery q = PersonQuery.of("anne@example.org", "Anne Koordinator");
        assertThat(q.isEmail("ANNE@example.org ")).isTrue();
        assertThat(q.isEmail("anne@example.org.evil")).isFalse();
        assertThat(q.isName("anne  koordinator")).isTrue();
        assertThat(PersonQuery.of(null, "Anne Koordinator").isEmail(null)).isFalse();
        assertThat(PersonQuery.of(null, "Anne Koordinator").emailParam()).isNotBlank().doesNotContain("@");
    }

    @Test
    void likePatternsEscapeWildcards() {
        assertThat(PersonQuery.of("a_b%c@example.org", null).likePatterns())
                .containsExactly("%a\\_b\\%c@example.org%");
    }

    @Test
    void redactsEveryMentionInAnyCase() {
        PersonQuery q = PersonQuery.of("anne@example.org", "Anne Koordinator");
        assertThat(Erased.redact("Ring til ANNE KOORDINATOR (Anne@Example.org) i dag", q))
                .isEqualTo("Ring til slettet/erased (slettet/erased) i dag");
        assertThat(Erased.redact("Intet om hende", q)).isEqualTo("Intet om hende");
        assertThat(Erased.redact(null, q)).isNull();
        assertThat(Erased.redact("$1 \\ anne@example.org", q)).isEqualTo("$1 \\ slettet/erased");
    }

    @Test
    void redactsWholeWordsOnlyAndSkipsTooShortTerms() {
        PersonQuery anne = PersonQuery.of(null, "Anne");
        assertThat(Erased.redact("Hanne og Anne, ANNE. Annette", anne))
                .isEqualTo("Hanne og slettet/erased, slettet/erased. Annette");
        assertThat(Erased.redact("Sørensen-Anne2", PersonQuery.of(null, "Sørensen"))).isEqualTo("slettet/erased-Anne2");
        // stored names are not checked like a query: a short one must not eat into every word
        assertThat(Erased.redact("Bo bor i Bolbro", PersonQuery.of(null, "Bo"))).isEqualTo("Bo bor i Bolbro");
    }
}
