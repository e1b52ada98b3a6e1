package org.healthycities.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The forms there are: the latest version of each is the file in forms/ (on the classpath); every version a
 * submission was made with is kept in the table form_version, so it reads the same after the file changes.
 */
@Service
public class FormCatalog {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<String, FormDefinition> latest = new TreeMap<>();
    private final Map<String, FormDefinition> versions = new ConcurrentHashMap<>();

    FormCatalog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        load();
    }

    private void load() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    FormDefinition form = FormParser.parse(in.readAllBytes());
                    latest.put(form.id(), form);
                    versions.put(versionKey(form.id(), form.versionHash()), form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the form files", e);
        }
    }

    public List<String> formIds() {
        return List.copyOf(latest.keySet());
    }

    public Optional<FormDefinition> find(String formId) {
        return Optional.ofNullable(latest.get(formId));
    }

    /** The form as its file is now. */
    public FormDefinition latest(String formId) {
        return find(formId).orElseThrow(() -> new NoSuchElementException("No form file forms/" + formId + ".form"));
    }

    /** The version a submission was made with: the file if unchanged, else the copy kept in the database. */
    public FormDefinition version(String formId, String versionHash) {
        return versions.computeIfAbsent(versionKey(formId, versionHash), k -> jdbc.query(
                        "SELECT schema_json FROM form_version WHERE form_id = ? AND version_hash = ?",
                        (rs, i) -> rs.getString(1), formId, versionHash).stream().findFirst()
                .map(json -> FormParser.parse(json.getBytes(StandardCharsets.UTF_8)).withTexts(texts(formId, versionHash)))
                .orElseThrow(() -> new NoSuchElementException("No version " + versionHash + " of form " + formId)));
    }

    /**
     * A published designed form's texts in other languages (none for a form file); a version that only fixed
     * texts has the same JSON as the one before, and its texts serve the answers given on both.
     */
    private Map<String, Map<String, String>> texts(String formId, String versionHash) {
        Map<String, Map<String, String>> byLanguage = new TreeMap<>();
        jdbc.query("""
                        SELECT t.language, t.text_key, t.text FROM designed_form_text t
                        JOIN designed_form_version v ON v.designed_form_id = t.designed_form_id AND v.number = t.version_number
                        WHERE v.form_id = ? AND v.version_hash = ?
                          AND v.number = (SELECT MAX(number) FROM designed_form_version WHERE form_id = ? AND version_hash = ?)""",
                rs -> {
                    byLanguage.computeIfAbsent(rs.getString(1), l -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
                }, formId, versionHash, formId, versionHash);
        return byLanguage;
    }

    /** Whether a form file has this id (a designed form may not take it). */
    boolean isFile(String formId) {
        return latest.containsKey(formId);
    }

    /** Keeps this version's JSON the first time a submission uses it. */
    void remember(FormDefinition form) {
        jdbc.update("INSERT IGNORE INTO form_version (form_id, version_hash, schema_json, first_used_at) VALUES (?, ?, ?, ?)",
                form.id(), form.versionHash(), form.json(), Timestamp.from(clock.instant()));
    }

    /** A designed form's version is published: its JSON kept, its texts read afresh. */
    void published(FormDefinition form) {
        remember(form);
        versions.remove(versionKey(form.id(), form.versionHash()));
    }

    private static String versionKey(String formId, String hash) {
        return formId + "@" + hash;
    }
}
