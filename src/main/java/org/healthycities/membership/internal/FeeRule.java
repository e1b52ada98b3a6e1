package org.healthycities.membership.internal;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.healthycities.network.MemberKind;

/**
 * A network's yearly membership fee: population bands (a region pays the top band) or a rate per inhabitant
 * with a floor and a cap (a region pays the cap). It changes only when the secretariat sets it ({@link #setBy}).
 */
@Entity
@Table(name = "membership_fee_rule")
class FeeRule {

    enum Kind { BANDS, PER_INHABITANT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    /** The first year the rule applies to; it applies until the network's next rule. */
    private int firstYear;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String currency;
    private BigDecimal ratePerInhabitant;
    private BigDecimal minimumFee;
    private BigDecimal maximumFee;
    private boolean example;
    private String source;
    private String updatedBy;
    private Instant updatedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "rule_id", nullable = false)
    @OrderBy("position")
    private List<FeeBand> bands = new ArrayList<>();
    @Version
    private int version;

    /** The yearly fee, in whole units of the currency. */
    BigDecimal feeFor(int population, MemberKind kind) {
        boolean region = kind == MemberKind.REGION;
        BigDecimal fee = this.kind == Kind.PER_INHABITANT ? perInhabitant(population, region) : band(population, region);
        return fee.setScale(0, RoundingMode.HALF_UP).setScale(2, RoundingMode.UNNECESSARY);
    }

    private BigDecimal perInhabitant(int population, boolean region) {
        if (region && maximumFee != null) {
            return maximumFee;
        }
        BigDecimal fee = ratePerInhabitant.multiply(BigDecimal.valueOf(population));
        if (minimumFee != null && fee.compareTo(minimumFee) < 0) {
            fee = minimumFee;
        }
        if (maximumFee != null && fee.compareTo(maximumFee) > 0) {
            fee = maximumFee;
        }
        return fee;
    }

    private BigDecimal band(int population, boolean region) {
        if (bands.isEmpty()) {
            throw new IllegalStateException("The fee rule of " + networkId + " has no bands");
        }
        FeeBand top = bands.get(bands.size() - 1);
        if (region) {
            return top.amount;
        }
        return bands.stream().filter(b -> b.upToPopulation == null || population <= b.upToPopulation)
                .findFirst().orElse(top).amount;
    }

    /** A network's first rule: population bands to fill in. */
    static FeeRule empty(String networkId, int year, String currency) {
        FeeRule rule = new FeeRule();
        rule.networkId = networkId;
        rule.firstYear = year;
        rule.kind = Kind.BANDS;
        rule.currency = currency;
        return rule;
    }

    /** A rule of one kind with its figures, e.g. for a test or a seed. */
    static FeeRule of(String networkId, int year, String currency, Kind kind, BigDecimal rate, BigDecimal minimum,
                      BigDecimal maximum, List<FeeBand> bands) {
        FeeRule rule = empty(networkId, year, currency);
        rule.set(kind, rate, minimum, maximum, bands);
        return rule;
    }

    /**
     * The secretariat sets the rule: a rate per inhabitant with its floor and cap, or population bands (the other
     * kind's figures go). From then on it is the network's own rule, no longer an example.
     */
    void setBy(String by, Instant at, Kind kind, BigDecimal rate, BigDecimal minimum, BigDecimal maximum,
               List<FeeBand> bands, String source) {
        set(kind, rate, minimum, maximum, bands);
        this.example = false;
        this.source = source == null || source.isBlank() ? null : source.strip();
        this.updatedBy = by;
        this.updatedAt = at;
    }

    private void set(Kind kind, BigDecimal rate, BigDecimal minimum, BigDecimal maximum, List<FeeBand> bands) {
        boolean perInhabitant = kind == Kind.PER_INHABITANT;
        this.kind = kind;
        this.ratePerInhabitant = perInhabitant ? rate : null;
        this.minimumFee = perInhabitant ? minimum : null;
        this.maximumFee = perInhabitant ? maximum : null;
        this.bands.clear();
        if (!perInhabitant) {
            this.bands.addAll(bands);
        }
    }

    /** A rule for a new year, starting as a copy of this one (the secretariat then changes what changed). */
    FeeRule copyFor(int year) {
        FeeRule copy = new FeeRule();
        copy.networkId = networkId;
        copy.firstYear = year;
        copy.kind = kind;
        copy.currency = currency;
        copy.ratePerInhabitant = ratePerInhabitant;
        copy.minimumFee = minimumFee;
        copy.maximumFee = maximumFee;
        copy.example = example;
        copy.source = source;
        bands.forEach(b -> copy.bands.add(new FeeBand(b.position, b.upToPopulation, b.amount)));
        return copy;
    }

    public String getNetworkId() { return networkId; }
    public int getFirstYear() { return firstYear; }
    public Kind getKind() { return kind; }
    public String getCurrency() { return currency; }
    public BigDecimal getRatePerInhabitant() { return ratePerInhabitant; }
    public BigDecimal getMinimumFee() { return minimumFee; }
    public BigDecimal getMaximumFee() { return maximumFee; }
    public boolean isExample() { return example; }
    public String getSource() { return source; }
    public String getUpdatedBy() { return updatedBy; }
    public List<FeeBand> getBands() { return bands; }
    public int getVersion() { return version; }
}
