package org.healthycities.forms;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.healthycities.privacy.Erased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The rows of form_submission and form_answer (one typed row per answered field, several for a multi-choice). */
@Repository
class SubmissionStore {

    private static final String COLUMNS = "id, form_id, form_version_hash, subject_type, subject_id, network_id, status, "
            + "version, created_at, updated_at, submitted_at, person_id, person_email, ip_address, user_agent";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SubmissionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(FormDefinition form, Subject subject, String networkId, Submitter who) {
        Timestamp now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO form_submission (form_id, form_version_hash, "
                    + "subject_type, subject_id, network_id, status, version, created_at, updated_at, person_id, "
                    + "person_email, ip_address, user_agent) VALUES (?, ?, ?, ?, ?, 'DRAFT', 0, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, form.id());
            ps.setString(2, form.versionHash());
            ps.setString(3, subject.type());
            ps.setString(4, subject.id());
            ps.setString(5, networkId);
            ps.setTimestamp(6, now);
            ps.setTimestamp(7, now);
            ps.setString(8, who.personId());
            ps.setString(9, who.email());
            ps.setString(10, who.ipAddress());
            ps.setString(11, who.userAgent());
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    Optional<Submission> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM form_submission WHERE id = ?", SubmissionStore::submission, id)
                .stream().findFirst();
    }

    List<Submission> findBySubject(Subject subject) {
        return jdbc.query("SELECT " + COLUMNS + " FROM form_submission WHERE subject_type = ? AND subject_id = ? ORDER BY id",
                SubmissionStore::submission, subject.type(), subject.id());
    }

    int eraseAnswers(Subject subject, Collection<String> fieldKeys) {
        String marks = String.join(", ", Collections.nCopies(fieldKeys.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(Erased.MARKER,
                Erased.MARKER, subject.type(), subject.id()));
        args.addAll(fieldKeys);
        return jdbc.update("UPDATE form_answer a JOIN form_submission s ON s.id = a.submission_id"
                + " SET a.text_value = CASE WHEN a.text_value IS NULL THEN NULL ELSE ? END,"
                + " a.option_value = CASE WHEN a.option_value IS NULL THEN NULL ELSE ? END"
                + " WHERE s.subject_type = ? AND s.subject_id = ? AND a.field_key IN (" + marks + ")", args.toArray());
    }

    /** Takes the next version if the caller had the current one and it is still a draft. */
    boolean nextVersion(long id, int expectedVersion) {
        return jdbc.update("UPDATE form_submission SET version = version + 1, updated_at = ? "
                + "WHERE id = ? AND version = ? AND status = 'DRAFT'", now(), id, expectedVersion) == 1;
    }

    void markSubmitted(long id) {
        jdbc.update("UPDATE form_submission SET status = 'SUBMITTED', submitted_at = ? WHERE id = ?",
                now(), id);
    }

    boolean reopen(long id) {
        return jdbc.update("UPDATE form_submission SET status = 'DRAFT', version = version + 1, updated_at = ? "
                + "WHERE id = ? AND status = 'SUBMITTED'", now(), id) == 1;
    }

    /**
     * Replaces all answers of a submission with these (typed values in form order). A dynamic list's answer
     * path[i].key is stored as field "path.key" of list item i, so a report groups a list's fields in SQL; a
     * choice whose options came from the data keeps the label it was shown with (the data may change later).
     */
    void replaceAnswers(long id, FormDefinition form, Map<String, Object> values) {
        jdbc.update("DELETE FROM form_answer WHERE submission_id = ?", id);
        List<Object[]> rows = new ArrayList<>();
        for (FormComponent field : form.fields()) {
            Object value = values.get(field.key());
            if (value instanceof List<?> many) {
                for (int i = 0; i < many.size(); i++) {
                    String option = String.valueOf(many.get(i));
                    rows.add(row(id, field.key(), i, field.hasFedOptions() ? field.optionLabel(option) : null, null,
                            null, null, option, null));
                }
            } else if (value != null) {
                rows.add(row(id, field, value));
            }
        }
        jdbc.batchUpdate("INSERT INTO form_answer (submission_id, field_key, list_item, position, text_value, "
                + "number_value, date_value, boolean_value, option_value, document_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static Object[] row(long id, FormComponent field, Object value) {
        String key = field.key();
        if (value instanceof BigDecimal n) {
            return row(id, key, 0, null, n, null, null, null, null);
        } else if (value instanceof LocalDate d) {
            return row(id, key, 0, null, null, Date.valueOf(d), null, null, null);
        } else if (value instanceof Boolean b) {
            return row(id, key, 0, null, null, null, b, null, null);
        } else if (value instanceof DocumentRef doc) {
            return row(id, key, 0, doc.filename(), null, null, null, null, doc.documentId());
        } else if (field.kind() == FieldKind.SINGLE_CHOICE) {
            return row(id, key, 0, field.hasFedOptions() ? field.optionLabel(value.toString()) : null, null, null, null,
                    value.toString(), null);
        }
        return row(id, key, 0, value.toString(), null, null, null, null, null);
    }

    private static Object[] row(long id, String key, int position, String text, BigDecimal number, Date date,
                                Boolean bool, String option, Long document) {
        Matcher item = FormDefinition.LIST_KEY.matcher(key);
        if (item.matches()) {
            return new Object[] {id, item.group(1) + "." + item.group(3), Integer.valueOf(item.group(2)), position, text,
                    number, date, bool, option, document};
        }
        return new Object[] {id, key, null, position, text, number, date, bool, option, document};
    }

    /** The answer's key as the forms engine names it: path[i].key for a list item's field. */
    private static String key(ResultSet rs, int fieldKey, int listItem) throws SQLException {
        String key = rs.getString(fieldKey);
        int item = rs.getInt(listItem);
        if (rs.wasNull() || key == null) {
            return key;
        }
        int dot = key.indexOf('.');
        return key.substring(0, dot) + "[" + item + "]" + key.substring(dot);
    }

    /** The stored answers, typed as the validator makes them (multi-choices as lists, uploads as DocumentRef). */
    Map<String, Object> answers(long id, FormDefinition form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, Boolean> multi = new HashMap<>();
        jdbc.query("SELECT field_key, list_item, text_value, number_value, date_value, boolean_value, option_value, "
                + "document_id FROM form_answer WHERE submission_id = ? ORDER BY id", rs -> {
                    put(answers, form, key(rs, 1, 2), value(rs, 3), multi);
                }, id);
        return answers;
    }

    /**
     * The answers of the submitted submissions about a subject, by submission id in id order, read in one query
     * (results of a survey answered by hundreds). Every submission must be of this form version.
     */
    Map<Long, Map<String, Object>> submittedAnswers(Subject subject, FormDefinition form) {
        Map<Long, Map<String, Object>> all = new LinkedHashMap<>();
        Map<String, Boolean> multi = new HashMap<>();
        jdbc.query("SELECT s.id, a.field_key, a.list_item, a.text_value, a.number_value, a.date_value, a.boolean_value, "
                + "a.option_value, a.document_id FROM form_submission s LEFT JOIN form_answer a ON a.submission_id = s.id "
                + "WHERE s.subject_type = ? AND s.subject_id = ? AND s.status = 'SUBMITTED' AND s.form_id = ? "
                + "AND s.form_version_hash = ? ORDER BY s.id, a.id", rs -> {
                    Map<String, Object> answers = all.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>());
                    String key = key(rs, 2, 3);
                    if (key != null) {
                        put(answers, form, key, value(rs, 4), multi);
                    }
                }, subject.type(), subject.id(), form.id(), form.versionHash());
        return all;
    }

    /** @param multi whether a key is a multi-choice, found once per key per read (a form's field lookup walks the form) */
    private static void put(Map<String, Object> answers, FormDefinition form, String key, Object value,
                            Map<String, Boolean> multiByKey) {
        boolean multi = multiByKey.computeIfAbsent(key,
                k -> form.field(k).map(f -> f.kind() == FieldKind.MULTI_CHOICE).orElse(false));
        if (multi) {
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) answers.computeIfAbsent(key, k -> new ArrayList<>());
            list.add(value);
        } else {
            answers.put(key, value);
        }
    }

    /** One answer row's value from its typed columns, starting at the text_value column. */
    static Object value(ResultSet rs, int first) throws SQLException {
        long document = rs.getLong(first + 5);
        if (!rs.wasNull()) {
            return new DocumentRef(document, rs.getString(first));
        }
        BigDecimal number = rs.getBigDecimal(first + 1);
        if (number != null) {
            return plain(number);
        }
        Date date = rs.getDate(first + 2);
        if (date != null) {
            return date.toLocalDate();
        }
        boolean bool = rs.getBoolean(first + 3);
        if (!rs.wasNull()) {
            return bool;
        }
        String option = rs.getString(first + 4);
        return option != null ? option : rs.getString(first);
    }

    static BigDecimal plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Submission submission(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getLong("id"), rs.getString("form_id"), rs.getString("form_version_hash"),
                new Subject(rs.getString("subject_type"), rs.getString("subject_id")), rs.getString("network_id"),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getInt("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "submitted_at"),
                new Submitter(rs.getString("person_id"), rs.getString("person_email"), rs.getString("ip_address"),
                        rs.getString("user_agent")));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
