package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/** A work question: one form field on the group's answer sheet. */
@Entity
@Table(name = "workshop_question")
class Question {

    enum Kind { LONG_TEXT, CHOICE, SCALE }

    static final int MAX_TEXT = 10_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long assignmentId;
    private int position;
    private String label;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String options;
    private Integer scaleMin;
    private Integer scaleMax;
    private Instant removedAt;

    protected Question() {
    }

    Question(Long assignmentId, int position, String label, Kind kind, String options, Integer scaleMin,
             Integer scaleMax) {
        this.assignmentId = assignmentId;
        this.position = position;
        this.label = label.trim();
        this.kind = kind;
        this.options = kind == Kind.CHOICE ? String.join("\n", split(options)) : null;
        this.scaleMin = kind == Kind.SCALE ? scaleMin : null;
        this.scaleMax = kind == Kind.SCALE ? scaleMax : null;
    }

    /** A corrected wording: always allowed, the answers stay with the question (by id). */
    void reword(String label) {
        if (removedAt != null) {
            throw new IllegalStateException("Question " + id + " is removed");
        }
        this.label = label.trim();
    }

    /** Whether the field's kind, choices or scale differ from these. */
    boolean differsInForm(Kind kind, String options, Integer scaleMin, Integer scaleMax) {
        return this.kind != kind
                || kind == Kind.CHOICE && !getChoices().equals(split(options))
                || kind == Kind.SCALE && (!Objects.equals(this.scaleMin, scaleMin)
                        || !Objects.equals(this.scaleMax, scaleMax));
    }

    /** Another kind of field, other choices or another scale: only before the groups have a sheet. */
    void redefine(WorkshopSession session, Kind kind, String options, Integer scaleMin, Integer scaleMax) {
        if (differsInForm(kind, options, scaleMin, scaleMax) && !session.isDraft()) {
            throw new IllegalStateException("Question " + id + " has answer fields: its kind cannot change");
        }
        this.kind = kind;
        this.options = kind == Kind.CHOICE ? String.join("\n", split(options)) : null;
        this.scaleMin = kind == Kind.SCALE ? scaleMin : null;
        this.scaleMax = kind == Kind.SCALE ? scaleMax : null;
    }

    /** Its place among the assignment's questions: only while the session is being set up. */
    void moveTo(WorkshopSession session, int position) {
        if (!session.isDraft()) {
            throw new IllegalStateException("Session " + session.getId() + " is open: the order is fixed");
        }
        this.position = position;
    }

    /**
     * Removed from the groups' sheets. The row stays, so the answers given stay linked to it and are shown under
     * its text in the summary and the export.
     */
    void remove(Instant now) {
        if (removedAt == null) {
            removedAt = now;
        }
    }

    public boolean isRemoved() { return removedAt != null; }
    public Instant getRemovedAt() { return removedAt; }

    Question copyTo(Long otherAssignmentId) {
        return new Question(otherAssignmentId, position, label, kind, options, scaleMin, scaleMax);
    }

    static List<String> split(String options) {
        return options == null ? List.of()
                : Arrays.stream(options.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public List<String> getChoices() {
        return split(options);
    }

    public List<Integer> getScale() {
        return scaleMin == null || scaleMax == null ? List.of()
                : IntStream.rangeClosed(scaleMin, scaleMax).boxed().toList();
    }

    /** Whether a value fits this field; blank always fits (a draft may leave anything empty). */
    boolean accepts(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (kind) {
            case LONG_TEXT -> value.length() <= MAX_TEXT;
            case CHOICE -> getChoices().contains(value);
            case SCALE -> getScale().stream().map(String::valueOf).anyMatch(value::equals);
        };
    }

    public Long getId() { return id; }
    public Long getAssignmentId() { return assignmentId; }
    public int getPosition() { return position; }
    public String getLabel() { return label; }
    public Kind getKind() { return kind; }
    public String getOptions() { return options; }
    public Integer getScaleMin() { return scaleMin; }
    public Integer getScaleMax() { return scaleMax; }
}
