package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.healthycities.network.MemberKind;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    static FeeRule sunneKommuner() {
        FeeRule r = new FeeRule();
        r.kind = FeeRule.Kind.PER_INHABITANT;
        r.currency = "NOK";
        r.ratePerInhabitant = new BigDecimal("2.02");
        r.minimumFee = new BigDecimal("5000");
        r.maximumFee = new BigDecimal("90000");
        return r;
    }

    static FeeRule bands() {
        FeeRule r = new FeeRule();
        r.kind = FeeRule.Kind.BANDS;
        r.bands.add(new FeeBand(1, 20_000, new BigDecimal("10000")));
        r.bands.add(new FeeBand(2, 50_000, new BigDecimal("20000")));
        r.bands.add(new FeeBand(3, null, new BigDecimal("40000")));
        return r;
    }

    @Test
    void perInhabitant_withFloorAndCap_regionsPayTheCap() {
        FeeRule r = sunneKommuner();
        assertThat(r.feeFor(20_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("40400");
        assertThat(r.feeFor(1_234, MemberKind.MUNICIPALITY)).isEqualByComparingTo("5000");
        assertThat(r.feeFor(700_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("90000");
        assertThat(r.feeFor(10_001, MemberKind.MUNICIPALITY)).isEqualByComparingTo("20202");
        assertThat(r.feeFor(10_000, MemberKind.REGION)).isEqualByComparingTo("90000");
    }

    @Test
    void bands_byPopulation_regionsPayTheTopBand() {
        FeeRule r = bands();
        assertThat(r.feeFor(20_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("10000");
        assertThat(r.feeFor(20_001, MemberKind.MUNICIPALITY)).isEqualByComparingTo("20000");
        assertThat(r.feeFor(2_000_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("40000");
        assertThat(r.feeFor(5_000, MemberKind.REGION)).isEqualByComparingTo("40000");
    }
}
