package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.MemberKind;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The seeded rules (Sunne kommuner's published one, examples for the others) and the secretariat's own. */
@IntegrationTest
class FeeRulesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    Fees fees;
    @Autowired
    FeeRuleRepository rules;

    @Test
    void sunneKommunerIsSeededWithItsPublishedRule() {
        FeeRule rule = fees.rule("sunne-kommuner").orElseThrow();
        assertThat(rule.isExample()).isFalse();
        assertThat(rule.getRatePerInhabitant()).isEqualByComparingTo("2.02");
        assertThat(rule.feeFor(1000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("5000");
        assertThat(rule.feeFor(100_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("90000");
        assertThat(fees.rule("sund-by").orElseThrow().isExample()).isTrue();
    }

    @Test
    void theSecretariatEntersItsOwnRule_andOnlyForItsNetwork() throws Exception {
        String swede = TestUsers.create(identity, "avgift", CurrentUser.SECRETARIAT, "hc-sverige");
        String page = mvc.perform(get("/membership/fees").with(TestMembers.login(identity, swede)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Healthy Cities Sverige").doesNotContain("Sunne kommuner");
        // the secretariat finds the page in the menu; the board (no access) does not
        assertThat(mvc.perform(get("/tasks").with(TestMembers.login(identity, swede))).andReturn().getResponse()
                .getContentAsString()).contains("<a href=\"/membership/fees\">Kontingent</a>");
        String boardMember = TestUsers.create(identity, "avgift", CurrentUser.BOARD, "hc-sverige");
        assertThat(mvc.perform(get("/tasks").with(TestMembers.login(identity, boardMember))).andReturn().getResponse()
                .getContentAsString()).contains("/tasks").doesNotContain("href=\"/membership/fees\"");
        mvc.perform(get("/membership/fees/sund-by").with(TestMembers.login(identity, swede)))
                .andExpect(status().isNotFound());
        FeeRule inForce = fees.rule("hc-sverige").orElseThrow();
        int version = inForce.getVersion();
        String year = String.valueOf(inForce.getFirstYear());

        String refused = mvc.perform(post("/membership/fees/hc-sverige").with(TestMembers.login(identity, swede)).with(csrf())
                        .param("version", String.valueOf(version)).param("firstYear", year).param("kind", "PER_INHABITANT")
                        .param("ratePerInhabitant", "1,5").param("minimumFee", "9000").param("maximumFee", "8000"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Minimum kan ikke være større end maksimum");

        mvc.perform(post("/membership/fees/hc-sverige").with(TestMembers.login(identity, swede)).with(csrf())
                        .param("version", String.valueOf(version)).param("firstYear", year).param("kind", "BANDS")
                        .param("bands[0].upTo", "30000").param("bands[0].amount", "15000")
                        .param("bands[1].upTo", "").param("bands[1].amount", "50 000,00"))
                .andExpect(redirectedUrl("/membership/fees"));
        FeeRule saved = fees.rule("hc-sverige").orElseThrow();
        assertThat(saved.isExample()).isFalse();
        assertThat(saved.getUpdatedBy()).isEqualTo(swede);
        assertThat(saved.feeFor(25_000, MemberKind.MUNICIPALITY)).isEqualByComparingTo("15000");
        assertThat(saved.feeFor(25_000, MemberKind.REGION)).isEqualByComparingTo("50000");
    }
}
