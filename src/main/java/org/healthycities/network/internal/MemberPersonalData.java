package org.healthycities.network.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A member's political contact, administrative contact and coordinator. Erasing empties the role the person
 * holds (name, address, phone); the member itself stays, and the secretariat enters a new contact.
 */
@Component
class MemberPersonalData implements PersonalDataHolder {

    static final String TYPE = "member-contact";
    /** Column prefixes of the three contact roles. */
    private static final List<String> ROLES = List.of("political_contact", "admin_contact", "coordinator");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MemberPersonalData(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (String role : ROLES) {
            jdbc.query("SELECT id, network_id, code, name, " + role + "_name, " + role + "_email, " + role + "_phone"
                    + " FROM member WHERE " + role + "_email = ? OR " + role + "_name = ? ORDER BY id", rs -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("member", rs.getString("name") + " (" + rs.getString("code") + ")");
                data.put("role", role);
                data.put("name", rs.getString(5));
                data.put("email", rs.getString(6));
                data.put("phone", rs.getString(7));
                records.add(new PersonalRecord(TYPE, rs.getLong("id") + ":" + role, rs.getString("network_id"),
                        rs.getString("name") + ": " + role, data));
            }, person.emailParam(), person.nameParam());
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        int changed = 0;
        for (String role : ROLES) {
            changed += jdbc.update("UPDATE member SET " + role + "_name = NULL, " + role + "_email = NULL, " + role
                            + "_phone = NULL, version = version + 1, updated_at = ? WHERE " + role + "_email = ? OR "
                            + role + "_name = ?",
                    Timestamp.from(clock.instant()), person.emailParam(), person.nameParam());
        }
        return changed;
    }
}
