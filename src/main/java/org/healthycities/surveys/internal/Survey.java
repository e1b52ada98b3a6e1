package org.healthycities.surveys.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A survey: one published version of a designed form sent to members (or opened by link) with a deadline. The
 * form version never changes, so every answer reads with the questions it was given on.
 */
@Entity
@Table(name = "survey")
public class Survey {

    /** Days after the deadline that a member's deadline may still be extended to; then the survey closes. */
    public static final int GRACE_DAYS = 14;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String title;
    private Long designedFormId;
    private String formId;
    private String versionHash;
    private int formNumber;
    @Enumerated(EnumType.STRING)
    private SurveyAudience audience;
    private String openToken;
    private LocalDate opensOn;
    private LocalDate deadline;
    private LocalDate closesOn;
    private int remindDaysBefore;
    @Enumerated(EnumType.STRING)
    private SurveyStatus status;
    private int recipientCount;
    private Instant createdAt;
    private String createdBy;
    private Instant closedAt;
    @Version
    private int version;

    protected Survey() {
    }

    Survey(String networkId, String title, Long designedFormId, String formId, String versionHash, int formNumber,
           SurveyAudience audience, LocalDate opensOn, LocalDate deadline, int remindDaysBefore, Instant now, String by) {
        this.networkId = networkId;
        this.title = title;
        this.designedFormId = designedFormId;
        this.formId = formId;
        this.versionHash = versionHash;
        this.formNumber = formNumber;
        this.audience = audience;
        this.opensOn = opensOn;
        this.deadline = deadline;
        this.closesOn = deadline.plusDays(GRACE_DAYS);
        this.remindDaysBefore = remindDaysBefore;
        this.status = SurveyStatus.OPEN;
        this.createdAt = now;
        this.createdBy = by;
    }

    /** The open link's token: kept as it is, since the link is meant to be handed out (it opens a blank form only). */
    void openLink(String token) {
        if (audience != SurveyAudience.OPEN) {
            throw new IllegalStateException("Survey " + id + " is sent to members, it has no open link");
        }
        this.openToken = token;
    }

    void recipients(int count) {
        this.recipientCount = count;
    }

    /** No more answers; idempotent, as the closing step may run again. */
    boolean close(Instant now) {
        if (status == SurveyStatus.CLOSED) {
            return false;
        }
        status = SurveyStatus.CLOSED;
        closedAt = now;
        return true;
    }

    public boolean isClosed() {
        return status == SurveyStatus.CLOSED;
    }

    public boolean isAnonymous() {
        return audience == SurveyAudience.OPEN;
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getTitle() { return title; }
    public Long getDesignedFormId() { return designedFormId; }
    public String getFormId() { return formId; }
    public String getVersionHash() { return versionHash; }
    public int getFormNumber() { return formNumber; }
    public SurveyAudience getAudience() { return audience; }
    public String getOpenToken() { return openToken; }
    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getDeadline() { return deadline; }
    public LocalDate getClosesOn() { return closesOn; }
    public int getRemindDaysBefore() { return remindDaysBefore; }
    public SurveyStatus getStatus() { return status; }
    public int getRecipientCount() { return recipientCount; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getClosedAt() { return closedAt; }
    public int getVersion() { return version; }
}
