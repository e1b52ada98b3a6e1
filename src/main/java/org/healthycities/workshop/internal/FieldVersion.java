package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One saved version of a group's field: the field's history keeps every one. */
@Entity
@Table(name = "workshop_answer_version")
class FieldVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long answerId;
    private int version;
    private String value;
    private Instant savedAt;
    private Long savedBy;

    protected FieldVersion() {
    }

    FieldVersion(Long answerId, int version, String value, Long savedBy, Instant savedAt) {
        this.answerId = answerId;
        this.version = version;
        this.value = value;
        this.savedBy = savedBy;
        this.savedAt = savedAt;
    }

    public int getVersion() { return version; }
    public String getValue() { return value; }
    public Instant getSavedAt() { return savedAt; }
}
