package org.healthycities.evaluation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;

/** One member's evaluation in a round: the answers and where it stands (the coordinator's links are in {@link EvaluationLinks}). */
@Entity
@EntityListeners(StampListener.class)
class MemberEvaluation implements Stamped {

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
    private String inequalityText;
    private String wishesText;
    private Long documentId;
    private boolean late;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private int version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "evaluation_id", nullable = false)
    @OrderBy("goalPosition")
    private List<GoalAnswer> goals = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "evaluation_id", nullable = false)
    @OrderBy("position")
    private List<Activity> activities = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "evaluation_tag", joinColumns = @JoinColumn(name = "evaluation_id"))
    private Set<TagRef> tags = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "evaluation_theme_group", joinColumns = @JoinColumn(name = "evaluation_id"))
    private Set<ThemeGroupRef> themeGroups = new LinkedHashSet<>();

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
    public String getInequalityText() { return inequalityText; }
    public String getWishesText() { return wishesText; }
    public Long getDocumentId() { return documentId; }
    public boolean isLate() { return late; }
    public int getVersion() { return version; }
    public List<GoalAnswer> getGoals() { return goals; }
    public List<Activity> getActivities() { return activities; }
    public Set<TagRef> getTags() { return tags; }
    public Set<ThemeGroupRef> getThemeGroups() { return themeGroups; }

    public boolean hasTag(String tagSet, String code) {
        return tags.contains(new TagRef(tagSet, code));
    }

    public boolean inThemeGroup(Long themeGroupId) {
        return themeGroups.stream().anyMatch(t -> t.getThemeGroupId().equals(themeGroupId));
    }

    Optional<GoalAnswer> goal(Long goalId) {
        return goals.stream().filter(g -> g.getGoalId().equals(goalId)).findFirst();
    }

    /** Makes sure there is a row for every goal of the round's strategy (a draft may come before all are answered). */
    void ensureGoals(List<GoalAnswer> strategyGoals) {
        for (GoalAnswer g : strategyGoals) {
            if (goal(g.getGoalId()).isEmpty()) {
                goals.add(g);
            }
        }
    }

    void invited(Instant now) {
        this.invitedAt = now;
        if (status == EvaluationStatus.PENDING) {
            status = EvaluationStatus.INVITED;
        }
    }

    void replaceAnswers(String inequality, String wishes, Set<TagRef> tags, Set<ThemeGroupRef> groups,
                        List<Activity> activities) {
        this.inequalityText = inequality;
        this.wishesText = wishes;
        this.tags.clear();
        this.tags.addAll(tags);
        this.themeGroups.clear();
        this.themeGroups.addAll(groups);
        this.activities.clear();
        this.activities.addAll(activities);
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

    /** A tag of the network feature's tag sets (SDG or SIX_P) the member worked with. */
    @Embeddable
    static class TagRef {
        private String tagSet;
        private String code;

        protected TagRef() {
        }

        TagRef(String tagSet, String code) {
            this.tagSet = tagSet;
            this.code = code;
        }

        public String getTagSet() { return tagSet; }
        public String getCode() { return code; }

        @Override
        public boolean equals(Object o) {
            return o instanceof TagRef t && t.tagSet.equals(tagSet) && t.code.equals(code);
        }

        @Override
        public int hashCode() {
            return tagSet.hashCode() * 31 + code.hashCode();
        }
    }

    @Embeddable
    static class ThemeGroupRef {
        @Column(name = "theme_group_id")
        private Long themeGroupId;
        private String name;

        protected ThemeGroupRef() {
        }

        ThemeGroupRef(Long themeGroupId, String name) {
            this.themeGroupId = themeGroupId;
            this.name = name;
        }

        public Long getThemeGroupId() { return themeGroupId; }
        public String getName() { return name; }

        @Override
        public boolean equals(Object o) {
            return o instanceof ThemeGroupRef t && t.themeGroupId.equals(themeGroupId);
        }

        @Override
        public int hashCode() {
            return themeGroupId.hashCode();
        }
    }
}
