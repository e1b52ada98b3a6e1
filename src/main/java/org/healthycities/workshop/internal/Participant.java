package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Someone who joined with the code; reaches the group's sheet through a private link (token, kept hashed). */
@Entity
@Table(name = "workshop_participant")
class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private Long groupId;
    private String tokenHash;
    private String name;
    private String email;
    /** The member the participant said they come from, or null. */
    private Long memberId;
    private Instant joinedAt;

    protected Participant() {
    }

    Participant(Long sessionId, Long groupId, String tokenHash, String name, String email, Long memberId, Instant now) {
        this.memberId = memberId;
        this.sessionId = sessionId;
        this.groupId = groupId;
        this.tokenHash = tokenHash;
        this.name = blankToNull(name);
        this.email = blankToNull(email);
        this.joinedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public Long getId() { return id; }
    public Long getSessionId() { return sessionId; }
    public Long getGroupId() { return groupId; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public Instant getJoinedAt() { return joinedAt; }
    public Long getMemberId() { return memberId; }
}
