package org.healthycities.evaluation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The timeline of an evaluation; a once-key makes a retried step record (and mail) only once. */
@Component
class EvaluationEvents {

    static final String INVITED = "INVITED";
    static final String REMINDED = "REMINDED";
    static final String SAVED = "SAVED";
    static final String SUBMITTED = "SUBMITTED";
    static final String SENT_BACK = "SENT_BACK";
    static final String SENT_BACK_MAIL = "SENT_BACK_MAIL";
    static final String ACCEPTED = "ACCEPTED";
    static final String ACCEPTED_MAIL = "ACCEPTED_MAIL";
    static final String EXTENDED = "EXTENDED";
    static final String LATE = "LATE";
    static final String NO_ANSWER = "NO_ANSWER";
    static final String NO_ADDRESS = "NO_ADDRESS";

    record Event(String kind, String actor, String detail, Instant occurredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EvaluationEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an event; with a once-key used before for this evaluation nothing is written and false returned. */
    boolean record(long evaluationId, String kind, String onceKey, String actor, String detail) {
        String cut = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 1999) + "…" : detail;
        return jdbc.update("INSERT IGNORE INTO evaluation_event (evaluation_id, kind, once_key, actor, detail, occurred_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", evaluationId, kind, onceKey, actor, cut, Timestamp.from(clock.instant())) == 1;
    }

    List<Event> of(long evaluationId) {
        return jdbc.query("SELECT kind, actor, detail, occurred_at FROM evaluation_event WHERE evaluation_id = ?"
                        + " ORDER BY occurred_at, id",
                (rs, i) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                evaluationId);
    }

    long count(long evaluationId, String kind) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_event WHERE evaluation_id = ? AND kind = ?",
                Long.class, evaluationId, kind);
        return n == null ? 0 : n;
    }
}
