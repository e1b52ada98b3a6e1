package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.network.StrategicGoal;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Sweden and Norway are ready on the first start: their municipalities and regions, and goals to evaluate against. */
@IntegrationTest
class NordicNetworksIT {

    @Autowired NetworkDirectory directory;
    @Autowired JdbcTemplate jdbc;

    private int seeded(String network, String kind) {
        // codes of the official lists are digits; tests add their own codes with letters
        return jdbc.queryForObject("SELECT COUNT(*) FROM possible_member WHERE network_id = ? AND kind = ?"
                + " AND code REGEXP '^[0-9]+$'", Integer.class, network, kind);
    }

    @Test
    void swedenHasItsKommunerAndLanAndNorwayItsKommunerAndFylker() {
        assertThat(seeded("hc-sverige", "MUNICIPALITY")).isEqualTo(290);
        assertThat(seeded("hc-sverige", "REGION")).isEqualTo(21);
        assertThat(seeded("sunne-kommuner", "MUNICIPALITY")).isEqualTo(357);
        assertThat(seeded("sunne-kommuner", "REGION")).isEqualTo(15);
        assertThat(directory.possibleMember("hc-sverige", "1480")).get().extracting(PossibleMember::getName)
                .isEqualTo("Göteborg");
        // Bergen: a kommune no other test imports again (PossibleMemberImportIT renames Oslo)
        assertThat(directory.possibleMember("sunne-kommuner", "4601")).get().extracting(PossibleMember::getName)
                .isEqualTo("Bergen");
        assertThat(directory.possibleMember("sund-by", "0169")).get().extracting(PossibleMember::getName)
                .isEqualTo("Høje-Taastrup Kommune");
    }

    @Test
    void bothHaveAStrategyWithGoalsForTheYearsTheyEvaluate() {
        assertThat(directory.strategyFor("hc-sverige", 2026)).get().extracting(s -> s.getGoals().size()).isEqualTo(3);
        assertThat(directory.strategyFor("sunne-kommuner", 2026)).get()
                .extracting(s -> s.getGoals().stream().map(StrategicGoal::getTitle).toList())
                .isEqualTo(java.util.List.of("Mennesker", "Steder", "Deltakelse", "Velstand", "Fred", "Planeten"));
    }

    @Test
    void onlySundByAsksForTheAccessionDocumentAndItIsASetting() {
        assertThat(directory.network("sund-by")).get().extracting(Network::isAccessionQuestions).isEqualTo(true);
        assertThat(directory.network("hc-sverige")).get().extracting(Network::isAccessionQuestions).isEqualTo(false);
        assertThat(directory.network("sunne-kommuner")).get().extracting(Network::isAccessionQuestions).isEqualTo(false);
    }
}
