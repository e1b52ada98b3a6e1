package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void joinCodesHaveSixCharactersWithoutLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = Codes.newJoinCode();
            assertThat(code).hasSize(6).doesNotContain("0", "O", "1", "I");
            assertThat(Codes.looksLikeCode(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).as("random, not repeated").hasSizeGreaterThan(1990);
    }

    @Test
    void whatAPersonTypesIsNormalised() {
        assertThat(Codes.normalize(" ab3-k7 q ")).isEqualTo("AB3K7Q");
        assertThat(Codes.looksLikeCode(Codes.normalize("ab3k7q"))).isTrue();
        assertThat(Codes.looksLikeCode("AB3K7O")).as("O is not in the alphabet").isFalse();
        assertThat(Codes.looksLikeCode("AB3K7")).isFalse();
    }

    @Test
    void codesAndTokensAreKeptOnlyAsHashes() {
        assertThat(Codes.hash("AB3K7Q")).hasSize(64).isEqualTo(Codes.hash("AB3K7Q")).isNotEqualTo(Codes.hash("AB3K7R"));
        assertThat(Codes.newToken()).hasSize(32).isNotEqualTo(Codes.newToken());
    }

    @Test
    void aFieldAcceptsOnlyWhatItOffers() {
        Question text = new Question(1L, 1, "Hvad?", Question.Kind.LONG_TEXT, null, null, null);
        Question choice = new Question(1L, 2, "Klar?", Question.Kind.CHOICE, "Ja\n Delvis \n\nNej", null, null);
        Question scale = new Question(1L, 3, "Hvor godt?", Question.Kind.SCALE, null, 1, 5);
        assertThat(text.accepts("x".repeat(Question.MAX_TEXT))).isTrue();
        assertThat(text.accepts("x".repeat(Question.MAX_TEXT + 1))).isFalse();
        assertThat(choice.getChoices()).containsExactly("Ja", "Delvis", "Nej");
        assertThat(choice.accepts("Delvis")).isTrue();
        assertThat(choice.accepts("Måske")).isFalse();
        assertThat(scale.accepts("5")).isTrue();
        assertThat(scale.accepts("6")).isFalse();
        assertThat(scale.accepts("")).as("a draft may leave a field empty").isTrue();
    }
}
