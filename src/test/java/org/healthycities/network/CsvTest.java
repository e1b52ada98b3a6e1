package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void splitsQuotedCellsWithDelimitersAndEscapedQuotes() {
        assertThat(Csv.split("0101,\"København, Kommune\",\"sagde \"\"hej\"\"\",", ','))
                .containsExactly("0101", "København, Kommune", "sagde \"hej\"", "");
        assertThat(Csv.split("a;b;c", ';')).containsExactly("a", "b", "c");
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThatThrownBy(() -> Csv.split("\"abc,d", ',')).isInstanceOf(IllegalArgumentException.class);
    }
}
