package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One field of a group's sheet. Saved only by a conditional update on its version (see SheetStore), so a
 * stale save is refused instead of overwriting what another phone wrote.
 */
@Entity
@Table(name = "workshop_answer")
class Answer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sheetId;
    private Long questionId;
    private String value;
    private int version;
    private Instant updatedAt;
    private Long updatedBy;

    protected Answer() {
    }

    Answer(Long sheetId, Long questionId) {
        this.sheetId = sheetId;
        this.questionId = questionId;
    }

    public boolean isAnswered() {
        return value != null && !value.isBlank();
    }

    public Long getId() { return id; }
    public Long getSheetId() { return sheetId; }
    public Long getQuestionId() { return questionId; }
    public String getValue() { return value; }
    public int getVersion() { return version; }
    public Instant getUpdatedAt() { return updatedAt; }
}
