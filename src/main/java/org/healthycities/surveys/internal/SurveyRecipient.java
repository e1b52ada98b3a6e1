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
 * One member asked in a survey. The member answers, not a person: its submission is made when the survey is sent,
 * and every mail goes to whoever is the member's coordinator then, so a new coordinator carries on the draft.
 */
@Entity
@Table(name = "survey_recipient")
public class SurveyRecipient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long surveyId;
    private Long memberId;
    private String memberName;
    private Long submissionId;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private RecipientStatus status;
    private Instant invitedAt;
    private String invitedTo;
    private Instant openedAt;
    private Instant remindedAt;
    private int reminders;
    private Instant answeredAt;
    @Version
    private int version;

    protected SurveyRecipient() {
    }

    SurveyRecipient(Long surveyId, Long memberId, String memberName, Long submissionId, LocalDate deadline) {
        this.surveyId = surveyId;
        this.memberId = memberId;
        this.memberName = memberName;
        this.submissionId = submissionId;
        this.deadline = deadline;
        this.status = RecipientStatus.WAITING;
    }

    void invited(String address, Instant now) {
        if (invitedAt == null) {
            invitedAt = now;
        }
        invitedTo = address;
        if (status == RecipientStatus.WAITING) {
            status = RecipientStatus.INVITED;
        }
    }

    void reminded(Instant now) {
        remindedAt = now;
        reminders++;
    }

    /** The coordinator opened the link: shown as opened until a draft is saved. */
    void opened(Instant now) {
        if (openedAt == null) {
            openedAt = now;
        }
        if (status == RecipientStatus.WAITING || status == RecipientStatus.INVITED) {
            status = RecipientStatus.OPENED;
        }
    }

    void draftSaved(Instant now) {
        opened(now);
        if (status.isWaiting()) {
            status = RecipientStatus.DRAFT;
        }
    }

    void answered(Instant now) {
        opened(now);
        status = RecipientStatus.ANSWERED;
        answeredAt = now;
    }

    /** More time for this member; only while an answer is still expected. */
    void extend(LocalDate newDeadline) {
        if (!status.isWaiting() && status != RecipientStatus.NO_ANSWER) {
            throw new IllegalStateException("Recipient " + id + " has answered");
        }
        if (status == RecipientStatus.NO_ANSWER) {
            status = openedAt == null ? RecipientStatus.INVITED : RecipientStatus.OPENED;
        }
        deadline = newDeadline;
    }

    /** No answer is expected any more (the secretariat gave up, or the survey closed). */
    void noAnswer() {
        if (status.isWaiting()) {
            status = RecipientStatus.NO_ANSWER;
        }
    }

    public Long getId() { return id; }
    public Long getSurveyId() { return surveyId; }
    public Long getMemberId() { return memberId; }
    public String getMemberName() { return memberName; }
    public Long getSubmissionId() { return submissionId; }
    public LocalDate getDeadline() { return deadline; }
    public RecipientStatus getStatus() { return status; }
    public Instant getInvitedAt() { return invitedAt; }
    public String getInvitedTo() { return invitedTo; }
    public Instant getOpenedAt() { return openedAt; }
    public Instant getRemindedAt() { return remindedAt; }
    public int getReminders() { return reminders; }
    public Instant getAnsweredAt() { return answeredAt; }
    public int getVersion() { return version; }
}
