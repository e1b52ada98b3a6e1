package org.healthycities.workshop.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
        set(title, startsOn, endsOn, place);
    }

    /** The form's fields (title, startsOn, endsOn, place) whose value would change. */
    List<String> changedFields(String title, LocalDate startsOn, LocalDate endsOn, String place) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(this.title, title == null ? null : title.trim())) {
            changed.add("title");
        }
        if (!Objects.equals(this.startsOn, startsOn)) {
            changed.add("startsOn");
        }
        if (!Objects.equals(this.endsOn, endsOn)) {
            changed.add("endsOn");
        }
        if (!Objects.equals(this.place, place == null || place.isBlank() ? null : place.trim())) {
            changed.add("place");
        }
        return changed;
    }

    /**
     * Corrects the workshop while none of its sessions has opened; once one has, the groups have seen it and
     * nothing may change (the service refuses each changed field by name before coming here).
     */
    void correct(String title, LocalDate startsOn, LocalDate endsOn, String place, boolean aSessionHasOpened) {
        if (aSessionHasOpened && !changedFields(title, startsOn, endsOn, place).isEmpty()) {
            throw new IllegalStateException("Workshop " + id + " has an opened session and cannot change");
        }
        set(title, startsOn, endsOn, place);
    }

    private void set(String title, LocalDate startsOn, LocalDate endsOn, String place) {
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
