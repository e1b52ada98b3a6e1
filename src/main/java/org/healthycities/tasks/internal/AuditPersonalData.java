package org.healthycities.tasks.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Audit rows whose free-text detail mentions the person (e.g. a reason that names a contact). Erasing replaces the
 * mention by the marker; who did what and when stays, as the audit trail must.
 */
@Component
class AuditPersonalData implements PersonalDataHolder {

    static final String TYPE = "audit-entry";

    private final JdbcTemplate jdbc;

    AuditPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Long id : ids(person)) {
            jdbc.query("SELECT id, occurred_at, network_id, record_type, record_id, action, detail FROM audit_entry"
                    + " WHERE id = ?", rs -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("occurredAt", rs.getTimestamp("occurred_at").toInstant());
                data.put("record", rs.getString("record_type") + "/" + rs.getString("record_id"));
                data.put("action", rs.getString("action"));
                data.put("detail", rs.getString("detail"));
                records.add(new PersonalRecord(TYPE, String.valueOf(rs.getLong("id")), rs.getString("network_id"),
                        rs.getString("record_type") + " " + rs.getString("record_id") + ": " + rs.getString("action"),
                        data));
            }, id);
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        Set<Long> ids = ids(person);
        for (Long id : ids) {
            String detail = jdbc.queryForObject("SELECT detail FROM audit_entry WHERE id = ?", String.class, id);
            jdbc.update("UPDATE audit_entry SET detail = ? WHERE id = ?", Erased.redact(detail, person), id);
        }
        return ids.size();
    }

    private Set<Long> ids(PersonQuery person) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String pattern : person.likePatterns()) {
            ids.addAll(jdbc.queryForList("SELECT id FROM audit_entry WHERE detail LIKE ? ORDER BY id", Long.class,
                    pattern));
        }
        return ids;
    }
}
