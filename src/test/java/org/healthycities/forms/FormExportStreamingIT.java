package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import org.healthycities.support.BulkSubmissions;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** 50,000 submissions export to CSV and XLSX, streamed from the database: every row arrives. */
@IntegrationTest
class FormExportStreamingIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormExports exports;

    @Test
    void fiftyThousandSubmissionsExport() {
        BulkSubmissions.generate(jdbc, catalog, "sunne-kommuner", 50_000);
        int expected = jdbc.queryForObject("SELECT COUNT(*) FROM form_submission WHERE form_id = ? AND network_id = ?",
                Integer.class, BulkSubmissions.FORM, "sunne-kommuner");
        assertThat(expected).isGreaterThanOrEqualTo(50_000);

        LineCounter csv = new LineCounter();
        long rows = exports.csv(BulkSubmissions.FORM, Set.of("sunne-kommuner"), Locale.forLanguageTag("da"), csv);
        assertThat(rows).isEqualTo(expected);
        assertThat(csv.lines).isEqualTo(expected + 1); // and the header
        assertThat(csv.lastLine).contains("Kommune nr. ", " – Ærø", "Lighed i sundhed, Verdensmålene");

        LineCounter xlsx = new LineCounter();
        assertThat(exports.xlsx(BulkSubmissions.FORM, Set.of("sunne-kommuner"), Locale.forLanguageTag("da"), xlsx))
                .isEqualTo(expected);
        assertThat(xlsx.bytes).isGreaterThan(100_000);
    }

    /** Counts what is written without keeping it. */
    private static final class LineCounter extends OutputStream {
        long lines;
        long bytes;
        String lastLine = "";
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
                lastLine = line.toString(java.nio.charset.StandardCharsets.UTF_8);
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
