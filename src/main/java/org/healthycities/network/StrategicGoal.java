package org.healthycities.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
public class StrategicGoal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "strategy_id", insertable = false, updatable = false)
    private Long strategyId;
    private Long parentId;
    private int position;
    private String title;
    private String description;
    @Version
    private int version;

    protected StrategicGoal() {
    }

    public StrategicGoal(Long parentId, int position, String title, String description) {
        this.parentId = parentId;
        this.position = position;
        this.title = title;
        this.description = description;
    }

    public Long getId() { return id; }
    public Long getStrategyId() { return strategyId; }
    public Long getParentId() { return parentId; }
    public int getPosition() { return position; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public int getVersion() { return version; }

    public void setTitle(String title) { this.title = title; }
    public void setDescription(String description) { this.description = description; }
    public void setPosition(int position) { this.position = position; }
}
