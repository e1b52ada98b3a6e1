package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The secretariat's synthesis of all groups' answers to one question. */
@Entity
@Table(name = "workshop_synthesis")
class Synthesis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long questionId;
    private String text;
    private Instant updatedAt;
    @Version
    private int version;

    protected Synthesis() {
    }

    Synthesis(Long questionId) {
        this.questionId = questionId;
    }

    void write(String text, Instant now) {
        this.text = text == null || text.isBlank() ? null : text.strip();
        this.updatedAt = now;
    }

    public Long getQuestionId() { return questionId; }
    public String getText() { return text; }
}
