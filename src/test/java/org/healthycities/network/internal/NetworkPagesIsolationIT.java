package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.network.ThemeGroup;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A Swedish secretariat user neither sees nor changes Sund By Netværket's contact, theme groups, strategies,
 * goals or possible members: by the Danish URLs, or by guessing Danish ids under its own network. Every
 * answer is the same 404 as for a record that does not exist, and the database is unchanged after.
 */
@IntegrationTest
class NetworkPagesIsolationIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    NetworkDirectory directory;
    @Autowired
    NetworkFixtures fixtures;

    RequestPostProcessor swede;
    ThemeGroup danishGroup;
    Strategy danishStrategy;
    StrategicGoal danishGoal;

    @BeforeEach
    void setUp() {
        swede = TestMembers.login(identity, TestUsers.create(identity, "svensk", CurrentUser.SECRETARIAT, "hc-sverige"));
        danishGroup = fixtures.themeGroup("sund-by");
        danishStrategy = fixtures.strategy("sund-by");
        danishGoal = danishStrategy.getGoals().get(0);
    }

    @Test
    void theOverviewShowsOnlyTheOwnNetwork() throws Exception {
        mvc.perform(get("/network").with(swede))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Healthy Cities Sverige")))
                .andExpect(content().string(not(containsString("Sund By Netværket"))))
                .andExpect(content().string(not(containsString("/network/sund-by/"))));
    }

    @Test
    void everyDanishPageIsNotFound() throws Exception {
        String strategy = "/strategies/" + danishStrategy.getId();
        String goal = strategy + "/goals/" + danishGoal.getId() + "/edit";
        String group = "/theme-groups/" + danishGroup.getId() + "/edit";
        for (String network : new String[] {"/network/sund-by", "/network/hc-sverige"}) {
            for (String page : new String[] {group, strategy, strategy + "/edit", strategy + "/goals/new",
                    strategy + "/goals/new?parent=" + danishGoal.getId(), goal}) {
                mvc.perform(get(network + page).with(swede)).andExpect(status().isNotFound());
            }
        }
        for (String page : new String[] {"/edit", "/theme-groups", "/theme-groups/new", "/strategies",
                "/strategies/new", "/possible-members", "/possible-members/import"}) {
            mvc.perform(get("/network/sund-by" + page).with(swede)).andExpect(status().isNotFound());
        }
    }

    @Test
    void aGuessedIdLooksLikeAMissingOne() throws Exception {
        String missing = mvc.perform(get("/network/hc-sverige/theme-groups/99999999/edit").with(swede))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String foreign = mvc.perform(get("/network/hc-sverige/theme-groups/" + danishGroup.getId() + "/edit")
                .with(swede)).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(withoutTokens(foreign)).isEqualTo(withoutTokens(missing));
        mvc.perform(get("/network/no-such-network/theme-groups").with(swede)).andExpect(status().isNotFound());
    }

    /** Each request has its own CSRF token; the pages must be alike apart from it. */
    private static String withoutTokens(String page) {
        return page.replaceAll("(value|content)=\"[A-Za-z0-9_-]{20,}\"", "");
    }

    @Test
    void theSwedeCannotChangeTheDanishContactOrThemeGroups() throws Exception {
        Network before = directory.network("sund-by").orElseThrow();
        mvc.perform(post("/network/sund-by/edit").with(swede).with(csrf()).param("version", String.valueOf(before.getVersion()))
                        .param("secretariatName", "Hacked").param("secretariatEmail", "x@example.org"))
                .andExpect(status().isNotFound());
        assertThat(directory.network("sund-by").orElseThrow().getSecretariatName()).isEqualTo(before.getSecretariatName());
        assertThat(directory.network("sund-by").orElseThrow().getVersion()).isEqualTo(before.getVersion());

        String hacked = NetworkFixtures.unique("Hacked");
        for (String network : new String[] {"sund-by", "hc-sverige"}) {
            mvc.perform(post("/network/" + network + "/theme-groups/" + danishGroup.getId() + "/edit").with(swede)
                            .with(csrf()).param("version", String.valueOf(danishGroup.getVersion()))
                            .param("name", hacked).param("_active", "on"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/network/sund-by/theme-groups/new").with(swede).with(csrf()).param("name", hacked)
                        .param("active", "true"))
                .andExpect(status().isNotFound());
        ThemeGroup after = fixtures.reload(danishGroup);
        assertThat(after.getName()).isEqualTo(danishGroup.getName());
        assertThat(after.isActive()).isTrue();
        assertThat(after.getVersion()).isEqualTo(danishGroup.getVersion());
        assertThat(directory.themeGroups(java.util.List.of("sund-by", "hc-sverige")))
                .noneMatch(g -> g.getName().equals(hacked));
    }

    @Test
    void theSwedeCannotChangeTheDanishStrategiesOrGoals() throws Exception {
        String strategy = "/strategies/" + danishStrategy.getId();
        int strategiesBefore = directory.strategies("sund-by").size();
        for (String network : new String[] {"/network/sund-by", "/network/hc-sverige"}) {
            mvc.perform(post(network + strategy + "/edit").with(swede).with(csrf())
                            .param("version", String.valueOf(danishStrategy.getVersion())).param("name", "Hacked")
                            .param("firstYear", "2000").param("lastYear", "2001"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(network + strategy + "/goals/new").with(swede).with(csrf())
                            .param("title", "Hacked").param("position", "1"))
                    .andExpect(status().isNotFound());
            mvc.perform(post(network + strategy + "/goals/" + danishGoal.getId() + "/edit").with(swede).with(csrf())
                            .param("version", String.valueOf(danishGoal.getVersion())).param("title", "Hacked")
                            .param("position", "1"))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(post("/network/sund-by/strategies/new").with(swede).with(csrf()).param("name", "Hacked")
                        .param("firstYear", "2195").param("lastYear", "2196"))
                .andExpect(status().isNotFound());
        Strategy after = fixtures.reload(danishStrategy);
        assertThat(after.getName()).isEqualTo(danishStrategy.getName());
        assertThat(after.getFirstYear()).isEqualTo(2190);
        assertThat(after.getVersion()).isEqualTo(danishStrategy.getVersion());
        assertThat(after.allGoals()).extracting(StrategicGoal::getTitle)
                .containsExactlyElementsOf(danishStrategy.allGoals().stream().map(StrategicGoal::getTitle).toList());
        assertThat(directory.strategies("sund-by")).hasSize(strategiesBefore);
        assertThat(directory.strategies("hc-sverige")).noneMatch(s -> s.getName().equals("Hacked"));
    }

    @Test
    void theSwedeCannotUploadDanishPossibleMembers() throws Exception {
        long before = directory.countPossibleMembers("sund-by");
        String code = "T" + java.util.UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(multipart("/network/sund-by/possible-members/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv",
                                ("code,name,kind\n" + code + ",Hacked,kommune\n0185,Hacked,kommune\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                        .with(swede).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(directory.countPossibleMembers("sund-by")).isEqualTo(before);
        assertThat(directory.possibleMember("sund-by", "0185")).get().extracting(PossibleMember::getName)
                .isEqualTo("Tårnby Kommune");
        assertThat(directory.possibleMember("sund-by", code)).isEmpty();
    }
}
