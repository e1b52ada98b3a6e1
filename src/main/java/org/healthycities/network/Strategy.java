package org.healthycities.network;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A network's strategy for a period, with its strategic goals ("pejlemærker"). */
@Entity
public class Strategy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String name;
    private int firstYear;
    private int lastYear;
    private String description;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "strategy_id", nullable = false) // so a new goal is inserted with its strategy
    @OrderBy("position")
    private List<StrategicGoal> goals = new ArrayList<>();
    @Version
    private int version;

    protected Strategy() {
    }

    public Strategy(String networkId, String name, int firstYear, int lastYear) {
        this.networkId = networkId;
        this.name = name;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getName() { return name; }
    public int getFirstYear() { return firstYear; }
    public int getLastYear() { return lastYear; }
    public String getDescription() { return description; }
    public int getVersion() { return version; }

    /** The top-level goals in order; sub-lines hang under their goal. */
    public List<StrategicGoal> getGoals() {
        return goals.stream().filter(g -> g.getParentId() == null).toList();
    }

    public List<StrategicGoal> getSubLines(StrategicGoal goal) {
        return goals.stream().filter(g -> goal.getId().equals(g.getParentId())).toList();
    }

    public boolean covers(int year) {
        return year >= firstYear && year <= lastYear;
    }

    public List<StrategicGoal> allGoals() { return goals; }

    public void setName(String name) { this.name = name; }
    public void setPeriod(int firstYear, int lastYear) { this.firstYear = firstYear; this.lastYear = lastYear; }
    public void setDescription(String description) { this.description = description; }
}
