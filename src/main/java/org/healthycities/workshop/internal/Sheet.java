package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one answer sheet a group shares. */
@Entity
@Table(name = "workshop_sheet")
class Sheet {

    /** OPEN while the group writes; SUBMITTED when handed in; DRAFT when collected unsubmitted at the close. */
    enum Status { OPEN, SUBMITTED, DRAFT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private Long groupId;
    @Enumerated(EnumType.STRING)
    private Status status = Status.OPEN;
    private Instant submittedAt;
    private boolean signalled;

    protected Sheet() {
    }

    Sheet(Long sessionId, Long groupId) {
        this.sessionId = sessionId;
        this.groupId = groupId;
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getGroupId() { return groupId; }
    public Status getStatus() { return status; }
    public Instant getSubmittedAt() { return submittedAt; }
}
