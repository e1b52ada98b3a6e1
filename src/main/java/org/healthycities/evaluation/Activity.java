package org.healthycities.evaluation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** One activity of the member's rolling action plan, reported in a round. */
@Entity
@Table(name = "evaluation_activity")
class Activity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    private String title;
    private Long goalId;
    @Enumerated(EnumType.STRING)
    private ActivityStatus status;
    private String partners;
    private Long carriedFromId;
    @ElementCollection
    @CollectionTable(name = "evaluation_activity_sdg", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "sdg_code")
    private Set<String> sdgs = new LinkedHashSet<>();

    protected Activity() {
    }

    Activity(int position, String title, Long goalId, ActivityStatus status, String partners, Long carriedFromId,
             Set<String> sdgs) {
        this.position = position;
        this.title = title;
        this.goalId = goalId;
        this.status = status;
        this.partners = partners;
        this.carriedFromId = carriedFromId;
        this.sdgs.addAll(sdgs);
    }

    public Long getId() { return id; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public Long getGoalId() { return goalId; }
    public ActivityStatus getStatus() { return status; }
    public String getPartners() { return partners; }
    public Long getCarriedFromId() { return carriedFromId; }
    public Set<String> getSdgs() { return sdgs; }
}
