package org.healthycities.workshop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A workshop of a network (e.g. the yearly coordinator days); a template only lends its assignments. */
@Entity
class Workshop {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String title;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String place;
    private boolean template;
    private Instant createdAt;
    @Version
    private int version;

    protected Workshop() {
    }

    Workshop(String networkId, String title, LocalDate startsOn, LocalDate endsOn, String place, Instant now) {
        this.networkId = networkId;
        this.createdAt = now;
        update(title, startsOn, endsOn, place);
    }

    void update(String title, LocalDate startsOn, LocalDate endsOn, String place) {
        this.title = title.trim();
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.place = place == null || place.isBlank() ? null : place.trim();
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getTitle() { return title; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getPlace() { return place; }
    public boolean isTemplate() { return template; }
    public Instant getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
