package org.healthycities.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A network's yearly evaluation round: who was asked, until when, and how it ended. */
@Entity
public class EvaluationRound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private int year;
    private Long strategyId;
    private LocalDate startDate;
    private LocalDate deadline;
    private int graceDays;
    @Enumerated(EnumType.STRING)
    private RoundStatus status;
    private int memberCount;
    private int respondedCount;
    private int acceptedCount;
    private int missingCount;
    private String startedBy;
    private Instant createdAt;
    private Instant preparedAt;
    private Instant closedAt;
    @Version
    private int version;

    protected EvaluationRound() {
    }

    EvaluationRound(String networkId, int year, Long strategyId, LocalDate startDate, LocalDate deadline,
                    int graceDays, String startedBy, Instant now) {
        this.networkId = networkId;
        this.year = year;
        this.strategyId = strategyId;
        this.startDate = startDate;
        this.deadline = deadline;
        this.graceDays = graceDays;
        this.startedBy = startedBy;
        this.status = RoundStatus.OPENING;
        this.createdAt = now;
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public int getYear() { return year; }
    /** The year as text, so that messages do not format it as a number ("2.026"). */
    public String getYearText() { return String.valueOf(year); }
    public Long getStrategyId() { return strategyId; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getDeadline() { return deadline; }
    public int getGraceDays() { return graceDays; }
    public RoundStatus getStatus() { return status; }
    public int getMemberCount() { return memberCount; }
    public int getRespondedCount() { return respondedCount; }
    public int getAcceptedCount() { return acceptedCount; }
    public int getMissingCount() { return missingCount; }
    public String getStartedBy() { return startedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPreparedAt() { return preparedAt; }
    public Instant getClosedAt() { return closedAt; }
    public int getVersion() { return version; }

    /** The last day an answer is on time for the round as a whole. */
    public LocalDate getClosesOn() {
        return deadline.plusDays(graceDays);
    }

    public boolean isClosed() {
        return status == RoundStatus.CLOSED;
    }

    /** Whether a member who joins on this day is still asked: the round is not closed, its deadline not passed. */
    boolean takesNewMembersOn(LocalDate day) {
        return !isClosed() && !day.isAfter(deadline);
    }

    /** A member joined after the start: counted now if the round has counted its members (preparing counts all). */
    void memberJoined() {
        if (preparedAt != null) {
            memberCount++;
        }
    }

    void prepared(int memberCount, Instant now) {
        this.memberCount = memberCount;
        this.preparedAt = now;
        if (status == RoundStatus.OPENING) {
            status = RoundStatus.OPEN;
        }
    }

    void close(int responded, int accepted, int missing, Instant now) {
        this.respondedCount = responded;
        this.acceptedCount = accepted;
        this.missingCount = missing;
        this.status = RoundStatus.CLOSED;
        this.closedAt = now;
    }

    void recount(int responded, int accepted, int missing) {
        this.respondedCount = responded;
        this.acceptedCount = accepted;
        this.missingCount = missing;
    }
}
