package org.healthycities.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member's progress on one strategic goal in one round. */
@Entity
@Table(name = "evaluation_goal_answer")
class GoalAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "evaluation_id", insertable = false, updatable = false)
    private Long evaluationId;
    private Long goalId;
    private int goalPosition;
    private String goalTitle;
    @Enumerated(EnumType.STRING)
    private Progress progress;
    private String whatDone;

    protected GoalAnswer() {
    }

    GoalAnswer(Long goalId, int goalPosition, String goalTitle) {
        this.goalId = goalId;
        this.goalPosition = goalPosition;
        this.goalTitle = goalTitle;
    }

    public Long getGoalId() { return goalId; }
    public int getGoalPosition() { return goalPosition; }
    public String getGoalTitle() { return goalTitle; }
    public Progress getProgress() { return progress; }
    public String getWhatDone() { return whatDone; }

    void answer(Progress progress, String whatDone) {
        this.progress = progress;
        this.whatDone = whatDone;
    }
}
