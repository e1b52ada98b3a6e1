package org.healthycities.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expressions are parsed once and evaluated with each call's own answers. */
class FeelTest {

    @Test
    void theSameExpressionWithOtherAnswersGivesTheirValue() {
        assertThat(number(Feel.evaluate("=members + 1", Map.of("members", 2)))).isEqualTo(3);
        assertThat(number(Feel.evaluate("=members + 1", Map.of("members", 41)))).isEqualTo(42);
        assertThat(Feel.isTrue("=fee = \"yes\"", Map.of("fee", "yes"))).isTrue();
        assertThat(Feel.isTrue("=fee = \"yes\"", Map.of("fee", "no"))).isFalse();
    }

    private static int number(Object value) {
        assertThat(value).isInstanceOf(Number.class);
        return ((Number) value).intValue();
    }

    @Test
    void anExpressionThatDoesNotParseIsNullEveryTime() {
        assertThat(Feel.evaluate("=members +* 1", Map.of("members", 2))).isNull();
        assertThat(Feel.evaluate("=members +* 1", Map.of("members", 2))).isNull();
        assertThat(Feel.isTrue("=(", Map.of())).isFalse();
    }
}
