package org.healthycities.forms.internal;

import java.sql.Timestamp;
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
 * Personal data in form submissions: the submitter's address, id, IP address and browser, and answers that
 * are, or mention, the person's address or name. Erasing drops the submitter fields and replaces the address and
 * name inside answers by the marker; the answers themselves stay for reports.
 */
@Component
class SubmissionPersonalData implements PersonalDataHolder {

    static final String TYPE = "form-submission";

    private final JdbcTemplate jdbc;

    SubmissionPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Hit(long id, String formId, String subjectType, String subjectId, String network,
                       String personId, String personEmail, String ip, String agent, Timestamp created) {
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Hit hit : hits(person)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("formId", hit.formId());
            data.put("subject", hit.subjectType() + "/" + hit.subjectId());
            data.put("createdAt", hit.created() == null ? null : hit.created().toInstant());
            if (person.isEmail(hit.personEmail())) {
                data.put("personId", hit.personId());
                data.put("personEmail", hit.personEmail());
                data.put("ipAddress", hit.ip());
                data.put("userAgent", hit.agent());
            }
            Map<String, Object> answers = new LinkedHashMap<>();
            for (Map.Entry<Long, String[]> a : matchingAnswers(person, hit.id()).entrySet()) {
                answers.put(a.getValue()[0] + "#" + a.getKey(), a.getValue()[1]);
            }
            data.put("answers", answers);
            records.add(new PersonalRecord(TYPE, String.valueOf(hit.id()), hit.network(),
                    hit.formId() + " (" + hit.subjectType() + " " + hit.subjectId() + ")", data));
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Hit> hits = hits(person);
        for (Hit hit : hits) {
            if (person.isEmail(hit.personEmail())) {
                jdbc.update("UPDATE form_submission SET person_id = NULL, person_email = NULL, ip_address = NULL,"
                        + " user_agent = NULL WHERE id = ?", hit.id());
            }
            for (Map.Entry<Long, String[]> a : matchingAnswers(person, hit.id()).entrySet()) {
                jdbc.update("UPDATE form_answer SET text_value = ? WHERE id = ?",
                        Erased.redact(a.getValue()[1], person), a.getKey());
            }
        }
        return hits.size();
    }

    private List<Hit> hits(PersonQuery person) {
        StringBuilder where = new StringBuilder("s.person_email = ?");
        List<Object> args = new ArrayList<>(List.of(person.emailParam()));
        for (String pattern : person.likePatterns()) {
            where.append(" OR s.id IN (SELECT a.submission_id FROM form_answer a WHERE a.text_value LIKE ?)");
            args.add(pattern);
        }
        return jdbc.query("SELECT s.id, s.form_id, s.subject_type, s.subject_id, s.network_id, s.person_id,"
                        + " s.person_email, s.ip_address, s.user_agent, s.created_at FROM form_submission s WHERE "
                        + where + " ORDER BY s.id",
                (rs, i) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10)),
                args.toArray());
    }

    /** Answer id → {field key, text} of the submission's answers that mention the person. */
    private Map<Long, String[]> matchingAnswers(PersonQuery person, long submissionId) {
        Map<Long, String[]> answers = new LinkedHashMap<>();
        for (String pattern : person.likePatterns()) {
            jdbc.query("SELECT id, field_key, text_value FROM form_answer WHERE submission_id = ? AND text_value LIKE ?",
                    rs -> {
                        answers.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
                    }, submissionId, pattern);
        }
        return answers;
    }
}
