package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group-work assignment: a title, an introduction and its work questions ("arbejdsspørgsmål"). */
@Entity
@Table(name = "workshop_assignment")
class Assignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private int position;
    private String title;
    private String intro;

    protected Assignment() {
    }

    Assignment(Long sessionId, int position, String title, String intro) {
        this.sessionId = sessionId;
        this.position = position;
        this.title = title.trim();
        this.intro = intro == null || intro.isBlank() ? null : intro.trim();
    }

    /**
     * A corrected title or introduction: wording only, so also after the session opened (the groups' answers
     * belong to the questions, which stay).
     */
    void reword(String title, String intro) {
        this.title = title.trim();
        this.intro = intro == null || intro.isBlank() ? null : intro.trim();
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getIntro() { return intro; }
}
