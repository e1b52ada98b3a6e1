package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.healthycities.network.MemberKind;
import org.junit.jupiter.api.Test;

class FeeRuleTest {

    static FeeRule sunneKommuner() {
        return FeeRule.of("sunne-kommuner", 2027, "NOK", FeeRule.Kind.PER_INHABITANT, new BigDecimal("2.02"),
                new BigDecimal("5000"), new BigDecimal("90000"), List.of());
    }

    static FeeRule bands() {
        return FeeRule.of("sund-by", 2027, "DKK", FeeRule.Kind.BANDS, null, null, null, List.of(
                new FeeBand(1, 20_000, new BigDecimal("10000")), new FeeBand(2, 50_000, new BigDecimal("20000")),
                new FeeBand(3, null, new BigDecimal("40000"))));
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
