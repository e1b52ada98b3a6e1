package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of a session, named ("Lighed") or numbered ("Gruppe 3"). */
@Entity
@Table(name = "workshop_group")
class WorkshopGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private int position;
    private String name;

    protected WorkshopGroup() {
    }

    WorkshopGroup(Long sessionId, int position, String name) {
        this.sessionId = sessionId;
        this.position = position;
        this.name = name.trim();
    }

    /** Its place in the list of groups: set while the session is being set up (the service checks). */
    void moveTo(int position) {
        this.position = position;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public int getPosition() { return position; }
    public String getName() { return name; }
}
