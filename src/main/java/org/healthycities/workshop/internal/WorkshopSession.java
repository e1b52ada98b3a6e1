package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A session of a workshop: its groups answer the assignments' questions until the deadline or until the
 * secretariat closes it early. The join code is kept only as a hash and stops working at the close.
 */
@Entity
@Table(name = "workshop_session")
public class WorkshopSession {

    public enum Status { DRAFT, OPEN, CLOSED, CONSOLIDATED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long workshopId;
    private String title;
    private String place;
    private Instant deadline;
    @Enumerated(EnumType.STRING)
    private Status status = Status.DRAFT;
    private String joinCodeHash;
    private String oldCodeHash;
    private Instant summarySentAt;
    private Instant openedAt;
    private Instant closedAt;
    private boolean closedEarly;
    @Version
    private int version;

    protected WorkshopSession() {
    }

    WorkshopSession(Long workshopId, String title, Instant deadline) {
        this.workshopId = workshopId;
        this.title = title.trim();
        this.deadline = deadline;
    }

    /** Where the group work happens; like the title, only while the session is being set up. */
    void movePlace(String place) {
        if (!isDraft()) {
            throw new IllegalStateException("session " + id + " is " + status + ": its place is fixed");
        }
        this.place = place == null || place.isBlank() ? null : place.trim();
    }

    /** A new title (or the same), only while the session is being set up: the groups have seen it since. */
    void retitle(String title) {
        if (!this.title.equals(title.trim()) && status != Status.DRAFT) {
            throw new IllegalStateException("Session " + id + " is " + status + ": its title cannot change");
        }
        this.title = title.trim();
    }

    /** Whether the deadline may be moved now: while set up, and while open and still taking answers. */
    boolean deadlineMovable(Instant now) {
        return status == Status.DRAFT || takesAnswers(now);
    }

    /**
     * Moves the deadline, to a moment still ahead. While the session is open the process's timer must move
     * with it (the service tells the process).
     */
    void moveDeadline(Instant deadline, Instant now) {
        if (!deadlineMovable(now)) {
            throw new IllegalStateException("Session " + id + " is " + status + ": its deadline cannot move");
        }
        if (!deadline.isAfter(now)) {
            throw new IllegalArgumentException("A deadline must lie ahead: " + deadline);
        }
        this.deadline = deadline;
    }

    void open(String codeHash, Instant now) {
        this.status = Status.OPEN;
        this.joinCodeHash = codeHash;
        this.openedAt = now;
    }

    void newCode(String codeHash) {
        this.oldCodeHash = this.joinCodeHash;
        this.joinCodeHash = codeHash;
    }

    /** Idempotent: the process may collect after the secretariat has already closed it. */
    void close(Instant now, boolean early) {
        if (status == Status.OPEN || status == Status.DRAFT) {
            status = Status.CLOSED;
            closedAt = now;
            closedEarly = early;
        }
        if (joinCodeHash != null) {
            oldCodeHash = joinCodeHash;
            joinCodeHash = null;
        }
    }

    void summarySent(Instant now) {
        summarySentAt = now;
    }

    void consolidated() {
        status = Status.CONSOLIDATED;
    }

    boolean isOpen() { return status == Status.OPEN; }
    boolean isDraft() { return status == Status.DRAFT; }

    /** Open and before the deadline: answers are still taken. */
    boolean takesAnswers(Instant now) {
        return status == Status.OPEN && (deadline == null || now.isBefore(deadline));
    }

    public Long getId() { return id; }
    public Long getWorkshopId() { return workshopId; }
    public String getTitle() { return title; }
    public String getPlace() { return place; }
    public Instant getDeadline() { return deadline; }
    public Status getStatus() { return status; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getClosedAt() { return closedAt; }
    public boolean isClosedEarly() { return closedEarly; }
    public Instant getSummarySentAt() { return summarySentAt; }
    public int getVersion() { return version; }
}
