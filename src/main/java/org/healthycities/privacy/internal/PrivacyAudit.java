package org.healthycities.privacy.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who exported or erased whose data when, and how many records: never the person's data (not even the
 * address searched for), so the audit itself holds nothing to erase.
 */
@Component
class PrivacyAudit {

    enum Action { EXPORT, ERASE, RETENTION }

    record Row(Instant occurredAt, String actor, Action action, int records, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PrivacyAudit(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param counts records per record type (or rule key) */
    void record(String actor, Action action, Map<String, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        String detail = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        jdbc.update("INSERT INTO privacy_audit (occurred_at, actor, action, record_count, detail) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), actor, action.name(), total,
                detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    List<Row> latest(int limit) {
        return jdbc.query("SELECT occurred_at, actor, action, record_count, detail FROM privacy_audit"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
                (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), Action.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5)), limit);
    }
}
