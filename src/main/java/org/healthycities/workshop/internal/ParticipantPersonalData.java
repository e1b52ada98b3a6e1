package org.healthycities.workshop.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.healthycities.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Workshop participants' optional name and address. The group's answers are the group's work: erasing keeps them
 * (only a mention of the person's address or name inside them becomes the marker) and keeps the participant row, so
 * counts of participants stay; the name becomes the marker and the address is dropped.
 */
@Component
class ParticipantPersonalData implements PersonalDataHolder {

    static final String TYPE = "workshop-participant";
    /** When a workshop ended: its last day, else its first, else when the session closed, else when they joined. */
    private static final String ENDED = "COALESCE(w.ends_on, w.starts_on, DATE(s.closed_at), DATE(p.joined_at))";

    private final JdbcTemplate jdbc;

    ParticipantPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        jdbc.query("SELECT p.id, p.name, p.email, p.joined_at, w.network_id, w.title, s.title, g.name"
                + " FROM workshop_participant p JOIN workshop_session s ON s.id = p.session_id"
                + " JOIN workshop w ON w.id = s.workshop_id JOIN workshop_group g ON g.id = p.group_id"
                + " WHERE p.email = ? OR p.name = ? ORDER BY p.id", rs -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", rs.getString(2));
            data.put("email", rs.getString(3));
            data.put("joinedAt", rs.getTimestamp(4).toInstant());
            data.put("workshop", rs.getString(6));
            data.put("session", rs.getString(7));
            data.put("group", rs.getString(8));
            records.add(new PersonalRecord(TYPE, String.valueOf(rs.getLong(1)), rs.getString(5),
                    rs.getString(6) + ": " + rs.getString(7) + ", " + rs.getString(8), data));
        }, person.emailParam(), person.nameParam());
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, name, email FROM workshop_participant WHERE email = ? OR name = ?",
                person.emailParam(), person.nameParam());
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            // the stored name and address too: a search by address alone must not leave the name in the answers
            List<PersonQuery> people = List.of(person,
                    PersonQuery.of((String) row.get("email"), (String) row.get("name")));
            // mentions inside the answers of the person's group, their saved versions and open conflicts too
            for (String[] table : new String[][] {{"workshop_answer", "a.id"},
                    {"workshop_answer_version", "a.answer_id"}, {"workshop_answer_conflict", "a.answer_id"}}) {
                jdbc.query("SELECT a.id, a.value FROM " + table[0] + " a JOIN workshop_answer x ON x.id = " + table[1]
                        + " JOIN workshop_sheet sh ON sh.id = x.sheet_id"
                        + " JOIN workshop_participant p ON p.group_id = sh.group_id WHERE p.id = ?", rs -> {
                    String value = rs.getString(2);
                    String redacted = Erased.redact(value, people);
                    if (value != null && !value.equals(redacted)) {
                        jdbc.update("UPDATE " + table[0] + " SET value = ? WHERE id = ?", redacted, rs.getLong(1));
                    }
                }, id);
            }
            jdbc.update("UPDATE workshop_participant SET name = CASE WHEN name IS NULL THEN NULL ELSE ? END,"
                    + " email = NULL WHERE id = ?", Erased.MARKER, id);
        }
        return rows.size();
    }

    /** Participants' name and address, dropped a period (default a year) after their workshop ended. */
    @Bean
    static RetentionRule workshopParticipantRetention(JdbcTemplate jdbc) {
        return RetentionRule.of("workshop-participants", Period.ofYears(1), cutoff -> jdbc.update(
                "UPDATE workshop_participant p JOIN workshop_session s ON s.id = p.session_id"
                        + " JOIN workshop w ON w.id = s.workshop_id"
                        + " SET p.name = CASE WHEN p.name IS NULL THEN NULL ELSE ? END, p.email = NULL"
                        + " WHERE (p.email IS NOT NULL OR (p.name IS NOT NULL AND p.name <> ?)) AND " + ENDED + " < ?",
                Erased.MARKER, Erased.MARKER, Date.valueOf(cutoff.atZone(ZoneOffset.UTC).toLocalDate())));
    }
}
