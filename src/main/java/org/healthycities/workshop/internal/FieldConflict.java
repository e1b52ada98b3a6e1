package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A text refused because someone else in the group saved the field first: kept, shown to the whole group
 * beside the saved text, and open until someone chooses (see SheetStore).
 */
@Entity
@Table(name = "workshop_answer_conflict")
class FieldConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long answerId;
    private String value;
    private int baseVersion;
    private Long participantId;
    private Instant createdAt;
    private Instant resolvedAt;
    private Long resolvedBy;

    protected FieldConflict() {
    }

    FieldConflict(Long answerId, String value, int baseVersion, Long participantId, Instant now) {
        this.answerId = answerId;
        this.value = value;
        this.baseVersion = baseVersion;
        this.participantId = participantId;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public Long getAnswerId() { return answerId; }
    public String getValue() { return value; }
    public Long getParticipantId() { return participantId; }
    public Instant getCreatedAt() { return createdAt; }
    public boolean isOpen() { return resolvedAt == null; }
}
