package org.healthycities.membership.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** Members with at most {@code upToPopulation} inhabitants pay {@code amount}; null: no upper limit. */
@Entity
@Table(name = "membership_fee_band")
class FeeBand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    int position;
    Integer upToPopulation;
    BigDecimal amount;

    protected FeeBand() {
    }

    FeeBand(int position, Integer upToPopulation, BigDecimal amount) {
        this.position = position;
        this.upToPopulation = upToPopulation;
        this.amount = amount;
    }

    public Integer getUpToPopulation() { return upToPopulation; }
    public BigDecimal getAmount() { return amount; }
}
