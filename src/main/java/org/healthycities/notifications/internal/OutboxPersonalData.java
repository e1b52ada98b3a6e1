package org.healthycities.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
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
import org.healthycities.privacy.RetentionRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Mails in the outbox to the person or about them. Erasing deletes every mail addressed to the person (whatever
 * its status: a pending one is then never sent) and replaces the person's address and name in mails to others.
 */
@Component
class OutboxPersonalData implements PersonalDataHolder {

    static final String TYPE = "outbox-mail";

    private final JdbcTemplate jdbc;

    OutboxPersonalData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PersonalRecord> find(PersonQuery person) {
        List<PersonalRecord> records = new ArrayList<>();
        for (Long id : ids(person)) {
            jdbc.query("SELECT id, network_id, recipient, recipient_name, status, template, subject, text_body,"
                    + " created_at, sent_at FROM mail_outbox WHERE id = ?", rs -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("recipient", rs.getString("recipient"));
                data.put("recipientName", rs.getString("recipient_name"));
                data.put("status", rs.getString("status"));
                data.put("template", rs.getString("template"));
                data.put("subject", rs.getString("subject"));
                data.put("textBody", rs.getString("text_body"));
                data.put("createdAt", instant(rs.getTimestamp("created_at")));
                data.put("sentAt", instant(rs.getTimestamp("sent_at")));
                records.add(new PersonalRecord(TYPE, String.valueOf(rs.getLong("id")), rs.getString("network_id"),
                        rs.getString("subject") + " → " + rs.getString("recipient"), data));
            }, id);
        }
        return records;
    }

    @Override
    public int erase(PersonQuery person) {
        Set<Long> ids = ids(person);
        int deleted = jdbc.update("DELETE FROM mail_outbox WHERE recipient = ?", person.emailParam());
        int redacted = 0;
        for (Long id : ids) {
            redacted += jdbc.query("SELECT recipient_name, subject, html_body, text_body FROM mail_outbox WHERE id = ?",
                    rs -> rs.next() ? jdbc.update("UPDATE mail_outbox SET recipient_name = ?, subject = ?, html_body = ?,"
                                    + " text_body = ? WHERE id = ?", Erased.redact(rs.getString(1), person),
                            Erased.redact(rs.getString(2), person), Erased.redact(rs.getString(3), person),
                            Erased.redact(rs.getString(4), person), id) : 0, id);
        }
        return deleted + redacted;
    }

    private Set<Long> ids(PersonQuery person) {
        Set<Long> ids = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT id FROM mail_outbox WHERE recipient = ? OR recipient_name = ? ORDER BY id", Long.class,
                person.emailParam(), person.nameParam()));
        for (String pattern : person.likePatterns()) {
            ids.addAll(jdbc.queryForList("SELECT id FROM mail_outbox WHERE subject LIKE ? OR text_body LIKE ?"
                    + " OR html_body LIKE ? ORDER BY id", Long.class, pattern, pattern, pattern));
        }
        return ids;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Retention of the outbox: delivered (or kept) mails and failed ones, deleted after their periods. */
    @Configuration(proxyBeanMethods = false)
    static class Retention {

        @Bean
        RetentionRule sentMailRetention(JdbcTemplate jdbc) {
            return RetentionRule.of("sent-mails", Period.ofDays(90), cutoff -> jdbc.update(
                    "DELETE FROM mail_outbox WHERE status IN ('SENT', 'KEPT') AND COALESCE(sent_at, created_at) < ?",
                    Timestamp.from(cutoff)));
        }

        @Bean
        RetentionRule failedMailRetention(JdbcTemplate jdbc) {
            return RetentionRule.of("failed-mails", Period.ofYears(1), cutoff -> jdbc.update(
                    "DELETE FROM mail_outbox WHERE status = 'FAILED' AND created_at < ?", Timestamp.from(cutoff)));
        }
    }
}
