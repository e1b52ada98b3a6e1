package org.healthycities.network;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A municipality or region that may join a network, with its official code. */
@Entity
public class PossibleMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private MemberKind kind;
    private String regionCode;
    private Integer population;

    protected PossibleMember() {
    }

    PossibleMember(String networkId, String code, String name, MemberKind kind, String regionCode, Integer population) {
        this.networkId = networkId;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.regionCode = regionCode;
        this.population = population;
    }

    public Long getId() { return id; }
    public String getNetworkId() { return networkId; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public MemberKind getKind() { return kind; }
    public String getRegionCode() { return regionCode; }
    public Integer getPopulation() { return population; }

    void update(String name, MemberKind kind, String regionCode, Integer population) {
        this.name = name;
        this.kind = kind;
        this.regionCode = regionCode;
        this.population = population;
    }
}
