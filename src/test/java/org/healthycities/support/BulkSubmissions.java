package org.healthycities.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormDefinition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many submitted answers of the test form test-bulk (name, count, two goals) written straight with JDBC
 * batches, for the export streaming test and the export benchmark.
 */
public final class BulkSubmissions {

    public static final String FORM = "test-bulk";

    private BulkSubmissions() {
    }

    /** Inserts n submissions in the network; returns the subject type they share. */
    public static String generate(JdbcTemplate jdbc, FormCatalog catalog, String network, int n) {
        FormDefinition form = catalog.latest(FORM);
        jdbc.update("INSERT IGNORE INTO form_version (form_id, version_hash, schema_json, first_used_at) VALUES (?, ?, ?, NOW())",
                form.id(), form.versionHash(), form.json());
        String batch = "bulk-" + UUID.randomUUID().toString().substring(0, 8);
        Timestamp now = Timestamp.from(TestClock.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {form.id(), form.versionHash(), batch, String.valueOf(i), network, now, now, now});
            if (rows.size() == 2000 || i == n - 1) {
                jdbc.batchUpdate("INSERT INTO form_submission (form_id, form_version_hash, subject_type, subject_id, "
                        + "network_id, status, version, created_at, updated_at, submitted_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'SUBMITTED', 1, ?, ?, ?)", rows);
                rows.clear();
            }
        }
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, position, text_value) "
                + "SELECT id, 'name', 0, CONCAT('Kommune nr. ', subject_id, ' – Ærø') FROM form_submission WHERE subject_type = ?", batch);
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, position, number_value) "
                + "SELECT id, 'count', 0, CAST(subject_id AS DECIMAL(38, 10)) FROM form_submission WHERE subject_type = ?", batch);
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, position, option_value) "
                + "SELECT id, 'goals', 0, 'ulighed' FROM form_submission WHERE subject_type = ?", batch);
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, position, option_value) "
                + "SELECT id, 'goals', 1, 'sdg' FROM form_submission WHERE subject_type = ?", batch);
        return batch;
    }
}
