package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;

/** A municipality or region in a network, with its contacts and its coordinator. */
@Entity
@EntityListeners(StampListener.class)
public class Member extends MunicipalityContacts implements Stamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private MemberKind kind;
    @Enumerated(EnumType.STRING)
    private MemberStatus status;
    private LocalDate joinedOn;
    private LocalDate resignedOn;
    private Integer population;
    private BigDecimal yearlyFee;
    @ManyToMany
    @JoinTable(name = "member_theme_group",
            joinColumns = @JoinColumn(name = "member_id"),
            inverseJoinColumns = @JoinColumn(name = "theme_group_id"))
    private Set<ThemeGroup> themeGroups = new LinkedHashSet<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private int version;

    protected Member() {
    }

    Member(String networkId, String code, String name, MemberKind kind, MemberStatus status) {
        this.networkId = networkId;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.status = status;
    }

    @Override
    public void stamp(Instant now) {
        updatedAt = now;
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public MemberKind getKind() { return kind; }
    public MemberStatus getStatus() { return status; }
    public LocalDate getJoinedOn() { return joinedOn; }
    public LocalDate getResignedOn() { return resignedOn; }
    public Integer getPopulation() { return population; }
    public BigDecimal getYearlyFee() { return yearlyFee; }
    public Set<ThemeGroup> getThemeGroups() { return themeGroups; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public int getVersion() { return version; }

    public boolean isActiveOn(LocalDate day) {
        return status == MemberStatus.ACTIVE && (joinedOn == null || !joinedOn.isAfter(day));
    }

    /** @param today the network's date, the day a member that resigns now resigned on */
    void apply(MemberDetails d, MemberKind kind, Set<ThemeGroup> themeGroups, LocalDate today) {
        this.code = d.code().trim();
        this.name = d.name().trim();
        this.kind = kind;
        if (d.status() != null) {
            if (d.status() == MemberStatus.RESIGNED && this.status != MemberStatus.RESIGNED) {
                this.resignedOn = today;
            }
            this.status = d.status();
        }
        this.joinedOn = d.joinedOn();
        this.population = d.population();
        if (d.yearlyFee() != null) {
            this.yearlyFee = d.yearlyFee();
        }
        contacts(new Contact(d.politicalContactName(), d.politicalContactEmail(), d.politicalContactPhone()),
                new Contact(d.adminContactName(), d.adminContactEmail(), d.adminContactPhone()),
                new Contact(d.coordinatorName(), d.coordinatorEmail(), d.coordinatorPhone()));
        this.themeGroups.clear();
        this.themeGroups.addAll(themeGroups);
    }
}
