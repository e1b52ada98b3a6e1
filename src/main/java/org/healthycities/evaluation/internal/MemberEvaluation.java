package org.healthycities.evaluation.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;

/**
 * One member's evaluation in a round: where it stands. The answers are its submission of
 * forms/annual-evaluation.form (see {@link EvaluationAnswers}); the coordinator's links are in {@link EvaluationLinks}.
 */
@Entity
@EntityListeners(StampListener.class)
public class MemberEvaluation implements Stamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long roundId;
    private String networkId;
    private Long memberId;
    private String memberName;
    private String coordinatorName;
    private String coordinatorEmail;
    @Enumerated(EnumType.STRING)
    private EvaluationStatus status;
    private LocalDate deadline;
    private Instant invitedAt;
    private Instant submittedAt;
    private Instant reviewedAt;
    private String reviewedBy;
    private String reviewComment;
    private Long documentId;
    private boolean late;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private int version;

    protected MemberEvaluation() {
    }

    @Override
    public void stamp(Instant now) {
        updatedAt = now;
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    public Long getId() { return id; }
    public Long getRoundId() { return roundId; }
    public String getNetworkId() { return networkId; }
    public Long getMemberId() { return memberId; }
    public String getMemberName() { return memberName; }
    public String getCoordinatorName() { return coordinatorName; }
    public String getCoordinatorEmail() { return coordinatorEmail; }
    public EvaluationStatus getStatus() { return status; }
    public LocalDate getDeadline() { return deadline; }
    public Instant getInvitedAt() { return invitedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewedBy() { return reviewedBy; }
    public String getReviewComment() { return reviewComment; }
    public Long getDocumentId() { return documentId; }
    public boolean isLate() { return late; }
    public int getVersion() { return version; }

    void invited(Instant now) {
        this.invitedAt = now;
        if (status == EvaluationStatus.PENDING) {
            status = EvaluationStatus.INVITED;
        }
    }

    void document(Long documentId) {
        this.documentId = documentId;
    }

    void status(EvaluationStatus status) {
        this.status = status;
    }

    void submitted(Instant now, boolean late) {
        this.submittedAt = now;
        this.late = late;
        this.status = late ? EvaluationStatus.LATE : EvaluationStatus.SUBMITTED;
    }

    void reviewed(String by, Instant now, boolean accepted, String comment) {
        this.reviewedBy = by;
        this.reviewedAt = now;
        this.reviewComment = comment;
        this.status = accepted ? EvaluationStatus.ACCEPTED : EvaluationStatus.SENT_BACK;
    }

    void extend(LocalDate deadline) {
        this.deadline = deadline;
    }
}
