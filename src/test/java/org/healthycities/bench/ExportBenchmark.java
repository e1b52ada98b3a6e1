package org.healthycities.bench;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormExports;
import org.healthycities.support.BulkSubmissions;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Export rate for 50,000 submissions (CSV and XLSX), on the embedded MariaDB. Not part of mvn verify (the name
 * matches neither surefire's nor failsafe's patterns). Run:
 * <pre>mvn -B verify -Dit.test=ExportBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * and read the "EXPORT BENCHMARK" lines in target/failsafe-reports/org.healthycities.bench.ExportBenchmark-output.txt.
 */
@IntegrationTest
class ExportBenchmark {

    private static final int SUBMISSIONS = 50_000;
    private static final String NETWORK = "hc-sverige";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormExports exports;

    @Test
    void exportRate() {
        BulkSubmissions.generate(jdbc, catalog, NETWORK, SUBMISSIONS);
        Locale da = Locale.forLanguageTag("da");
        exports.csv(BulkSubmissions.FORM, Set.of(NETWORK), da, OutputStream.nullOutputStream()); // warm-up
        for (String format : new String[] {"csv", "xlsx"}) {
            long start = System.nanoTime();
            long rows = "csv".equals(format)
                    ? exports.csv(BulkSubmissions.FORM, Set.of(NETWORK), da, OutputStream.nullOutputStream())
                    : exports.xlsx(BulkSubmissions.FORM, Set.of(NETWORK), da, OutputStream.nullOutputStream());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "EXPORT BENCHMARK %s: %d rows in %.2f s = %.0f rows/s%n", format, rows,
                    seconds, rows / seconds);
        }
    }
}
