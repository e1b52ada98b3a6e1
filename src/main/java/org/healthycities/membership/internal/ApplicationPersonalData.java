package org.healthycities.membership.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.StoredDocument;
import org.healthycities.network.NetworkClock;
import org.healthycities.privacy.Erased;
import org.healthycities.privacy.PersonQuery;
import org.healthycities.privacy.PersonalDataHolder;
import org.healthycities.privacy.PersonalRecord;
import org.healthycities.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contacts of membership applications: political contact, administrative contact (the applicant, who gets
 * the mails and the private link), coordinator, and the mayor who signed. Erasing a person replaces their name
 * and address by the marker and drops their phone, in the application and in its form answers, and replaces
 * mentions of them in the application's texts and history. The municipality's answers (motivation, decision,
 * population) stay for statistics.
 * <p>
 * When the person is the applicant: their private links go; an application still open ends (its process is
 * deleted, status WITHDRAWN), since nobody can be asked anything any more; and the uploaded decision documents
 * are deleted unless the application led to membership (then they are the member's founding documents and stay).
 * <p>
 * Retention ({@code closed-applications}, default two years): applications that ended without membership
 * (rejected, lapsed, withdrawn, duplicate, already member) are anonymised that way for all their contacts.
 */
@Component
class ApplicationPersonalData implements PersonalDataHolder {

    static final String TYPE = "membership-application";
    static final Set<ApplicationStatus> CLOSED_WITHOUT_MEMBERSHIP = EnumSet.of(ApplicationStatus.REJECTED,
            ApplicationStatus.LAPSED, ApplicationStatus.WITHDRAWN, ApplicationStatus.DUPLICATE,
            ApplicationStatus.ALREADY_MEMBER);

    /** A contact role: its column prefix in membership_application and its name in a person's export. */
    enum Role {
        POLITICAL("political_contact", "politicalContact"),
        ADMIN("admin_contact", "adminContact"),
        COORDINATOR("coordinator", "coordinator");

        final String column;
        final String field;

        Role(String column, String field) {
            this.column = column;
            this.field = field;
        }
    }

    private static final String COLUMNS = "id, network_id, reference, status, municipality_name, political_contact_name,"
            + " political_contact_email, political_contact_phone, admin_contact_name, admin_contact_email,"
            + " admin_contact_phone, coordinator_name, coordinator_email, coordinator_phone, mayor_name, submitted_at,"
            + " decided_at";

    private final JdbcTemplate jdbc;
    private final DocumentService documents;
    private final MembershipGateway engine;
    private final NetworkClock time;

    ApplicationPersonalData(JdbcTemplate jdbc, DocumentService documents,
                            MembershipGateway engine, NetworkClock time) {
        this.time = time;
        this.jdbc = jdbc;
        this.documents = documents;
        this.engine = engine;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Map<String, Object> row : rows(person)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("reference", row.get("reference"));
            data.put("municipality", row.get("municipality_name"));
            data.put("status", row.get("status"));
            data.put("submittedAt", String.valueOf(row.get("submitted_at")));
            for (Role role : roles(row, person)) {
                data.put(role.field + "Name", row.get(role.column + "_name"));
                data.put(role.field + "Email", row.get(role.column + "_email"));
                data.put(role.field + "Phone", row.get(role.column + "_phone"));
            }
            if (person.isName((String) row.get("mayor_name"))) {
                data.put("mayorName", row.get("mayor_name"));
            }
            data.put("history", mentions(person, (Long) row.get("id")));
            records.add(new PersonalRecord(TYPE, String.valueOf(row.get("id")), (String) row.get("network_id"),
                    row.get("reference") + " " + row.get("municipality_name") + ": "
                            + roles(row, person).stream().map(r -> r.field).toList(), data));
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        List<Map<String, Object>> rows = rows(person);
        for (Map<String, Object> row : rows) {
            Set<Role> roles = roles(row, person);
            boolean mayor = person.isName((String) row.get("mayor_name"));
            // the stored name and address of the matched roles too: a search by address alone must not leave the name
            List<PersonQuery> people = new ArrayList<>(List.of(person));
            people.addAll(people(row, roles, mayor));
            anonymise(row, roles, mayor, people);
        }
        return rows.size();
    }

    /** Closed applications without membership, anonymised for all their contacts after the period. */
    @Bean
    static RetentionRule closedApplicationRetention(ApplicationPersonalData holder) {
        return RetentionRule.of("closed-applications", Period.ofYears(2), holder::anonymiseClosedBefore);
    }

    int anonymiseClosedBefore(Instant cutoff) {
        List<Object> args = new ArrayList<>(CLOSED_WITHOUT_MEMBERSHIP.stream().map(Enum::name).toList());
        String in = String.join(", ", Collections.nCopies(args.size(), "?"));
        args.addAll(List.of(Timestamp.from(cutoff), Erased.MARKER, Erased.MARKER, Erased.MARKER));
        // rows whose applicant was erased by hand still hold the other contacts: skip only fully anonymised ones
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + COLUMNS + " FROM membership_application"
                        + " WHERE status IN (" + in + ") AND COALESCE(decided_at, updated_at) < ?"
                        + " AND NOT (political_contact_email = ? AND admin_contact_email = ? AND coordinator_email = ?)"
                        + " ORDER BY id", args.toArray());
        for (Map<String, Object> row : rows) {
            boolean mayor = row.get("mayor_name") != null;
            anonymise(row, EnumSet.allOf(Role.class), mayor, people(row, EnumSet.allOf(Role.class), mayor));
        }
        return rows.size();
    }

    private void anonymise(Map<String, Object> row, Set<Role> roles, boolean mayor, List<PersonQuery> people) {
        long id = (Long) row.get("id");
        String status = (String) row.get("status");
        for (Role role : roles) {
            jdbc.update("UPDATE membership_application SET " + role.column + "_name = ?, " + role.column + "_email = ?, "
                    + role.column + "_phone = NULL, version = version + 1 WHERE id = ?", Erased.MARKER, Erased.MARKER, id);
        }
        if (mayor) {
            jdbc.update("UPDATE membership_application SET mayor_name = ? WHERE id = ?", Erased.MARKER, id);
        }
        for (String column : List.of("motivation", "questions", "review_note", "board_note")) {
            String text = jdbc.queryForObject("SELECT " + column + " FROM membership_application WHERE id = ?",
                    String.class, id);
            String redacted = Erased.redact(text, people);
            if (text != null && !text.equals(redacted)) {
                jdbc.update("UPDATE membership_application SET " + column + " = ? WHERE id = ?", redacted, id);
            }
        }
        jdbc.query("SELECT id, detail FROM membership_application_event WHERE application_id = ? AND detail IS NOT NULL",
                rs -> {
                    jdbc.update("UPDATE membership_application_event SET detail = ? WHERE id = ?",
                            Erased.redact(rs.getString(2), people), rs.getLong(1));
                }, id);
        if (roles.contains(Role.ADMIN)) {
            jdbc.update("DELETE FROM membership_application_link WHERE application_id = ?", id);
            if (ApplicationStatus.valueOf(status).open()) {
                endProcess(id, (String) row.get("network_id"));
            }
            if (!ApplicationStatus.APPROVED.name().equals(status)) {
                for (StoredDocument d : documents.findByOwner(Applications.OWNER_TYPE, String.valueOf(id))) {
                    documents.delete(d.id());
                }
                jdbc.update("UPDATE membership_application SET decision_document_id = NULL WHERE id = ?", id);
            }
        }
    }

    /** Ends an open application whose applicant was erased: nobody is left to ask or to tell. */
    private void endProcess(long id, String networkId) {
        engine.end(id, networkId, "personal data erased");
        Timestamp now = Timestamp.from(time.now());
        jdbc.update("UPDATE membership_application SET status = ?, decided_at = ? WHERE id = ?",
                ApplicationStatus.WITHDRAWN.name(), now, id);
        jdbc.update("INSERT INTO membership_application_event (application_id, occurred_at, kind, actor, detail)"
                + " VALUES (?, ?, 'ERASED', ?, NULL)", id, now, HistoryEntry.SYSTEM);
    }

    private List<Map<String, Object>> rows(PersonQuery person) {
        String email = person.emailParam();
        String name = person.nameParam();
        return jdbc.queryForList("SELECT " + COLUMNS + " FROM membership_application WHERE political_contact_email = ?"
                + " OR admin_contact_email = ? OR coordinator_email = ? OR political_contact_name = ?"
                + " OR admin_contact_name = ? OR coordinator_name = ? OR mayor_name = ? ORDER BY id",
                email, email, email, name, name, name, name);
    }

    private static Set<Role> roles(Map<String, Object> row, PersonQuery person) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (person.isEmail((String) row.get(role.column + "_email"))
                    || person.isName((String) row.get(role.column + "_name"))) {
                roles.add(role);
            }
        }
        return roles;
    }

    private List<Map<String, Object>> mentions(PersonQuery person, long applicationId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String pattern : person.likePatterns()) {
            jdbc.query("SELECT id, occurred_at, kind, detail FROM membership_application_event"
                    + " WHERE application_id = ? AND detail LIKE ? ORDER BY occurred_at, id", rs -> {
                rows.add(Map.of("id", rs.getLong(1), "occurredAt", rs.getTimestamp(2).toInstant().toString(),
                        "kind", rs.getString(3), "detail", rs.getString(4)));
            }, applicationId, pattern);
        }
        return rows;
    }

    /** The stored names and addresses of the given roles (and of the mayor), to redact from the texts. */
    private static List<PersonQuery> people(Map<String, Object> row, Set<Role> roles, boolean mayor) {
        List<PersonQuery> people = new ArrayList<>();
        for (Role role : roles) {
            people.add(PersonQuery.of((String) row.get(role.column + "_email"), (String) row.get(role.column + "_name")));
        }
        if (mayor) {
            people.add(PersonQuery.of(null, (String) row.get("mayor_name")));
        }
        return people;
    }
}
