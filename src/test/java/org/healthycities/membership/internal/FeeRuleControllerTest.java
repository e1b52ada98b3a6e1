package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.WebSliceTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The secretariat's fee rule, as a controller slice: each refusal said in the secretary's language with the typed
 * figures kept and nothing saved, a save that lost the race refused the same way, another network's rule not
 * found, and a rule that passes set through the rule's own intent (FeeRulesIT and FeeListIT save against the
 * database).
 */
@WebMvcTest(FeeRuleController.class)
class FeeRuleControllerTest extends WebSliceTest {

    static final CurrentUser SECRETARY = new CurrentUser("sekretaer", "Sekretær", Set.of(CurrentUser.SECRETARIAT),
            Set.of("sunne-kommuner"));
    static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    FeeRuleRepository rules;
    @MockitoBean
    NetworkDirectory networks;
    @MockitoBean
    NetworkClock time;
    @MockitoBean
    Fees fees;
    @MockitoBean
    FeeList feeList;

    FeeRule rule;

    @BeforeEach
    void sunneKommuner() {
        Network network = mock(Network.class);
        given(network.getId()).willReturn("sunne-kommuner");
        given(network.getName()).willReturn("Sunne kommuner");
        given(network.getCurrency()).willReturn("NOK");
        given(networks.network("sunne-kommuner")).willReturn(Optional.of(network));
        given(time.now()).willReturn(NOW);
        rule = FeeRule.of("sunne-kommuner", 2027, "NOK", FeeRule.Kind.PER_INHABITANT, new BigDecimal("2.02"),
                new BigDecimal("5000"), new BigDecimal("90000"), List.of());
        given(rules.findByNetworkIdAndFirstYear("sunne-kommuner", 2027)).willReturn(Optional.of(rule));
    }

    private static MockHttpServletRequestBuilder save(String network, String rate, String minimum, String maximum) {
        return post("/membership/fees/" + network).param("version", "0").param("firstYear", "2027")
                .param("kind", "PER_INHABITANT").param("ratePerInhabitant", rate).param("minimumFee", minimum)
                .param("maximumFee", maximum).param("source", "Årsmøtet 2026").with(csrf())
                .with(authentication(new UsernamePasswordAuthenticationToken(SECRETARY, null,
                        Set.of(new SimpleGrantedAuthority("GROUP_" + CurrentUser.SECRETARIAT)))));
    }

    private Document page(MockHttpServletRequestBuilder request, ResultMatcher status) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status).andReturn().getResponse().getContentAsString());
    }

    @Test
    void refusedFiguresAreNamedInTheSecretarysLanguage_typedValuesKept_nothingSaved() throws Exception {
        Document norwegian = page(save("sunne-kommuner", "-1", "9 000", "5000").cookie(new Cookie("hc-lang", "nb")),
                status().isOk());
        Document danish = page(save("sunne-kommuner", "-1", "9 000", "5000"), status().isOk());

        assertThat(danish.select("#error-summary li").eachText())
                .containsExactlyInAnyOrder("Skriv en sats større end 0.", "Minimum kan ikke være større end maksimum.");
        assertThat(norwegian.select("#error-summary li").eachText())
                .containsExactlyInAnyOrder("Skriv en sats større enn 0.", "Minimum kan ikke være høyere enn maksimum.");
        assertThat(danish.select("input[name=ratePerInhabitant]").val()).isEqualTo("-1");
        assertThat(danish.select("input[name=minimumFee]").val()).isEqualTo("9000");
        assertThat(danish.select("input[name=source]").val()).isEqualTo("Årsmøtet 2026");
        verify(rules, never()).saveAndFlush(any());
        assertThat(rule.getRatePerInhabitant()).isEqualByComparingTo("2.02");
    }

    @Test
    void aSaveThatLostTheRaceIsRefused_withTheTypedFiguresKept() throws Exception {
        given(rules.saveAndFlush(any())).willThrow(new OptimisticLockingFailureException("version 0 is gone"));

        Document page = page(save("sunne-kommuner", "2,10", "5000", "90 000"), status().isOk());

        assertThat(page.select("#error-summary").text()).contains("En anden har ændret reglen imens.");
        assertThat(page.select("input[name=ratePerInhabitant]").val()).isEqualTo("2.1");
    }

    @Test
    void aRuleThatPasses_isSetByTheSecretary_andNoLongerAnExample() throws Exception {
        mvc.perform(save("sunne-kommuner", "2,10", "5000", "90 000")).andExpect(redirectedUrl("/membership/fees"));

        ArgumentCaptor<FeeRule> saved = ArgumentCaptor.forClass(FeeRule.class);
        verify(rules).saveAndFlush(saved.capture());
        assertThat(saved.getValue().getRatePerInhabitant()).isEqualByComparingTo("2.10");
        assertThat(saved.getValue().getMaximumFee()).isEqualByComparingTo("90000");
        assertThat(saved.getValue().isExample()).isFalse();
        assertThat(saved.getValue().getSource()).isEqualTo("Årsmøtet 2026");
        assertThat(saved.getValue().getBands()).isEmpty();
    }

    @Test
    void anotherNetworksRuleIsNotFound_andWithoutTheFormsTokenNothingHappens() throws Exception {
        Network sverige = mock(Network.class);
        given(sverige.getId()).willReturn("hc-sverige");
        given(networks.network("hc-sverige")).willReturn(Optional.of(sverige));

        mvc.perform(save("hc-sverige", "2", "0", "1")).andExpect(status().isNotFound());
        mvc.perform(post("/membership/fees/sunne-kommuner").param("kind", "BANDS")
                        .with(authentication(new UsernamePasswordAuthenticationToken(SECRETARY, null,
                                Set.of(new SimpleGrantedAuthority("GROUP_" + CurrentUser.SECRETARIAT))))))
                .andExpect(status().isForbidden());
        verify(rules, never()).saveAndFlush(any());
    }
}
