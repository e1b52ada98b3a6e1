package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A theme group ("temagruppe") of a network, in which members' staff take part. */
@Entity
public class ThemeGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String name;
    private String description;
    private boolean active = true;
    @Version
    private int version;

    protected ThemeGroup() {
    }

    public ThemeGroup(String networkId, String name, String description) {
        this.networkId = networkId;
        this.name = name;
        this.description = description;
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public boolean isActive() { return active; }
    public int getVersion() { return version; }

    public void update(String name, String description, boolean active) {
        this.name = name;
        this.description = description;
        this.active = active;
    }
}
