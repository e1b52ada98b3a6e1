package org.healthycities.membership.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One thing that happened to an application (a row of its history). */
@Entity
@Table(name = "membership_application_event")
class HistoryEntry {

    /** Who acts through the private link. */
    static final String APPLICANT = "applicant";
    /** Service tasks and timers. */
    static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    Long applicationId;
    Instant occurredAt;
    String kind;
    String actor;
    String detail;

    protected HistoryEntry() {
    }

    HistoryEntry(Long applicationId, Instant occurredAt, String kind, String actor, String detail) {
        this.applicationId = applicationId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.actor = actor;
        this.detail = detail;
    }

    public Instant getOccurredAt() { return occurredAt; }
    public String getKind() { return kind; }
    public String getActor() { return actor; }
    public String getDetail() { return detail; }

    /** The due date a task's start wrote as its detail (review, board, welcome meeting), if this line has one. */
    Optional<Instant> due() {
        if (detail == null || !detail.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(detail));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
