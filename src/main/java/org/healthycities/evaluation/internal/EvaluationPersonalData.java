package org.healthycities.evaluation.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The coordinator named on a member's evaluation. The evaluation is the municipality's report: erasing keeps every
 * answer (only mentions of the person inside free texts become the marker), replaces the coordinator's name by the
 * marker, drops the address and the coordinator's private links.
 */
@Component
class EvaluationPersonalData implements PersonalDataHolder {

    static final String TYPE = "member-evaluation";
    /** Free texts of an evaluation's own record that may mention the coordinator (the answers are the form's). */
    private static final List<String> TEXTS = List.of("review_comment");

    private final JdbcTemplate jdbc;

    EvaluationPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        jdbc.query("SELECT e.id, e.network_id, e.member_name, e.coordinator_name, e.coordinator_email, e.status,"
                + " r.year FROM member_evaluation e JOIN evaluation_round r ON r.id = e.round_id"
                + " WHERE e.coordinator_email = ? OR e.coordinator_name = ? ORDER BY e.id", rs -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("member", rs.getString(3));
            data.put("year", rs.getInt(7));
            data.put("status", rs.getString(6));
            data.put("coordinatorName", rs.getString(4));
            data.put("coordinatorEmail", rs.getString(5));
            data.put("events", jdbc.queryForList("SELECT kind, detail, occurred_at FROM evaluation_event"
                    + " WHERE evaluation_id = ? ORDER BY occurred_at, id", rs.getLong(1)).stream()
                    .map(m -> Map.of("kind", m.get("kind"), "detail", String.valueOf(m.get("detail")),
                            "occurredAt", String.valueOf(m.get("occurred_at")))).toList());
            records.add(new PersonalRecord(TYPE, String.valueOf(rs.getLong(1)), rs.getString(2),
                    rs.getString(3) + " " + rs.getInt(7), data));
        }, person.emailParam(), person.nameParam());
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, coordinator_name, coordinator_email"
                + " FROM member_evaluation WHERE coordinator_email = ? OR coordinator_name = ?",
                person.emailParam(), person.nameParam());
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            // the stored name and address too: a search by address alone must not leave the name in the texts
            List<PersonQuery> people = List.of(person, PersonQuery.of((String) row.get("coordinator_email"),
                    (String) row.get("coordinator_name")));
            for (String column : TEXTS) {
                String text = jdbc.queryForObject("SELECT " + column + " FROM member_evaluation WHERE id = ?",
                        String.class, id);
                if (text != null) {
                    jdbc.update("UPDATE member_evaluation SET " + column + " = ? WHERE id = ?",
                            Erased.redact(text, people), id);
                }
            }
            // the answers' free texts (not the options' labels, not file names)
            jdbc.query("SELECT a.id, a.text_value FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                    + " WHERE s.subject_type = ? AND s.subject_id = ? AND a.text_value IS NOT NULL"
                    + " AND a.option_value IS NULL AND a.document_id IS NULL", rs -> {
                        String redacted = Erased.redact(rs.getString(2), people);
                        if (!redacted.equals(rs.getString(2))) {
                            jdbc.update("UPDATE form_answer SET text_value = ? WHERE id = ?", redacted, rs.getLong(1));
                        }
                    }, EvaluationService.SUBJECT_TYPE, String.valueOf(id));
            jdbc.query("SELECT id, detail FROM evaluation_event WHERE evaluation_id = ? AND detail IS NOT NULL",
                    rs -> {
                        jdbc.update("UPDATE evaluation_event SET detail = ? WHERE id = ?",
                                Erased.redact(rs.getString(2), people), rs.getLong(1));
                    }, id);
            jdbc.update("DELETE FROM evaluation_link WHERE evaluation_id = ?", id);
            jdbc.update("UPDATE member_evaluation SET coordinator_name = CASE WHEN coordinator_name IS NULL THEN NULL"
                    + " ELSE ? END, coordinator_email = NULL, version = version + 1 WHERE id = ?", Erased.MARKER, id);
        }
        return rows.size();
    }
}
