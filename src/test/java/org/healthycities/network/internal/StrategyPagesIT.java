package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

@IntegrationTest
class StrategyPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    NetworkDirectory directory;
    @Autowired
    NetworkFixtures fixtures;

    RequestPostProcessor dane;

    @BeforeEach
    void setUp() {
        dane = TestMembers.login(identity, TestUsers.create(identity, "strategi", CurrentUser.SECRETARIAT, "sund-by"));
    }

    private MockHttpServletRequestBuilder strategy(String url, String name, String first, String last) {
        return post(url).with(dane).with(csrf()).param("name", name).param("firstYear", first).param("lastYear", last)
                .param("description", "Beskrivelse");
    }

    private MockHttpServletRequestBuilder goal(String url, String title, String position) {
        return post(url).with(dane).with(csrf()).param("title", title).param("position", position);
    }

    private boolean strategyNamed(String name) {
        return directory.strategies("sund-by").stream().anyMatch(s -> s.getName().equals(name));
    }

    @Test
    void theListShowsPeriodsAndTheTagSetsInThePagesLanguage() throws Exception {
        mvc.perform(get("/network/sund-by/strategies").with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Strategi 2021-2030")))
                .andExpect(content().string(containsString("2017–2020")))
                .andExpect(content().string(containsString("Sundhed og trivsel")))
                .andExpect(content().string(containsString("Deltagelse")));
        mvc.perform(get("/network/sund-by/strategies").param("lang", "en").with(dane))
                .andExpect(content().string(containsString("Good health and well-being")))
                .andExpect(content().string(containsString("Participation")));
        mvc.perform(get("/network/sund-by/strategies").param("lang", "sv").with(dane))
                .andExpect(content().string(containsString("God hälsa och välbefinnande")))
                .andExpect(content().string(containsString("Delaktighet")));
    }

    @Test
    void aStrategyShowsItsGoalsWithTheirSubLines() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        StrategicGoal goal = strategy.getGoals().get(0);
        StrategicGoal subLine = strategy.getSubLines(goal).get(0);
        mvc.perform(get("/network/sund-by/strategies/" + strategy.getId()).with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(strategy.getName())))
                .andExpect(content().string(containsString("2190–2199")))
                .andExpect(content().string(containsString(goal.getTitle())))
                .andExpect(content().string(containsString(subLine.getTitle())))
                .andExpect(content().string(containsString("goals/new?parent=" + goal.getId())));
    }

    @Test
    void aNewStrategyIsSavedAndShown() throws Exception {
        String name = NetworkFixtures.unique("Strategi 2190-2199");
        mvc.perform(strategy("/network/sund-by/strategies/new", name, "2190", "2199"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/network/sund-by/strategies/*"));
        Strategy saved = directory.strategies("sund-by").stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow();
        assertThat(saved.getFirstYear()).isEqualTo(2190);
        assertThat(saved.getLastYear()).isEqualTo(2199);
        assertThat(saved.getDescription()).isEqualTo("Beskrivelse");
    }

    @Test
    void badStrategiesAreRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        int before = directory.strategies("sund-by").size();
        String url = "/network/sund-by/strategies/new";
        mvc.perform(strategy(url, "", "2199", "2190"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv strategiens navn.")))
                .andExpect(content().string(containsString("Sidste år kan ikke ligge før første år.")))
                .andExpect(content().string(containsString("value=\"2199\"")));
        mvc.perform(strategy(url, "x".repeat(201), "2190", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Navnet må højst være 200 tegn.")))
                .andExpect(content().string(containsString("Skriv et årstal.")));
        mvc.perform(strategy(url, "x".repeat(201), "tyve", "2199"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv et årstal mellem 1900 og 2200.")))
                .andExpect(content().string(containsString("Navnet må højst være 200 tegn.")))
                .andExpect(content().string(containsString("value=\"tyve\"")))
                .andExpect(content().string(containsString("value=\"2199\"")));
        mvc.perform(strategy(url, "Strategi", "1800", "3000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv et årstal mellem 1900 og 2200.")));
        assertThat(directory.strategies("sund-by")).hasSize(before);
    }

    @Test
    void anEditOfNameAndPeriodIsSavedAndAStaleOneIsRefused() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        String url = "/network/sund-by/strategies/" + strategy.getId() + "/edit";
        String renamed = NetworkFixtures.unique("Omdøbt strategi");
        mvc.perform(strategy(url, renamed, "2191", "2198").param("version", String.valueOf(strategy.getVersion())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/network/sund-by/strategies/" + strategy.getId()));
        Strategy after = fixtures.reload(strategy);
        assertThat(after.getName()).isEqualTo(renamed);
        assertThat(after.getFirstYear()).isEqualTo(2191);

        mvc.perform(strategy(url, "Forældet", "2190", "2199").param("version", String.valueOf(strategy.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har ændret strategien")));
        mvc.perform(strategy(url, renamed, "2199", "2190").param("version", String.valueOf(after.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sidste år kan ikke ligge før første år.")));
        assertThat(fixtures.reload(strategy).getName()).isEqualTo(renamed);
        assertThat(fixtures.reload(strategy).getLastYear()).isEqualTo(2198);
    }

    @Test
    void goalsAndSubLinesAreAddedInTheirPlace() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        StrategicGoal goal = strategy.getGoals().get(0);
        String base = "/network/sund-by/strategies/" + strategy.getId() + "/goals/new";
        mvc.perform(get(base).with(dane)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"2\"")));
        mvc.perform(goal(base, "Nyt pejlemærke", "2")).andExpect(status().is3xxRedirection());
        mvc.perform(goal(base, "Nyt underpunkt", "2").param("parent", String.valueOf(goal.getId())))
                .andExpect(status().is3xxRedirection());
        Strategy after = fixtures.reload(strategy);
        assertThat(after.getGoals()).extracting(StrategicGoal::getTitle).containsExactly(goal.getTitle(), "Nyt pejlemærke");
        assertThat(after.getSubLines(after.getGoals().get(0))).extracting(StrategicGoal::getTitle)
                .endsWith("Nyt underpunkt");
    }

    @Test
    void badGoalsAreRefusedAndNothingIsAdded() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        String base = "/network/sund-by/strategies/" + strategy.getId() + "/goals/new";
        mvc.perform(goal(base, " ", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv en titel.")));
        mvc.perform(goal(base, "t".repeat(301), "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Titlen må højst være 300 tegn.")))
                .andExpect(content().string(containsString("Placeringen skal være et helt tal fra 1 til 999.")));
        mvc.perform(goal(base, "Titel", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv en placering.")))
                .andExpect(content().string(not(containsString("Placeringen skal være"))));
        mvc.perform(goal(base, "Titel", "først"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Placeringen skal være et helt tal fra 1 til 999.")))
                .andExpect(content().string(containsString("value=\"" + HtmlUtils.htmlEscape("først") + "\"")));
        assertThat(fixtures.reload(strategy).allGoals()).hasSize(2);
    }

    @Test
    void aSubLineHangsOnlyUnderAGoalOfTheSameStrategy() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        Strategy other = fixtures.strategy("sund-by");
        StrategicGoal subLine = strategy.getSubLines(strategy.getGoals().get(0)).get(0);
        String base = "/network/sund-by/strategies/" + strategy.getId() + "/goals/new";
        mvc.perform(goal(base, "Forkert sted", "1").param("parent", String.valueOf(other.getGoals().get(0).getId())))
                .andExpect(status().isNotFound());
        mvc.perform(goal(base, "Under et underpunkt", "1").param("parent", String.valueOf(subLine.getId())))
                .andExpect(status().isNotFound());
        assertThat(fixtures.reload(strategy).allGoals()).hasSize(2);
        assertThat(fixtures.reload(other).allGoals()).hasSize(2);
    }

    @Test
    void aGoalIsEditedAndAStaleEditIsRefused() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        StrategicGoal goal = strategy.getGoals().get(0);
        String url = "/network/sund-by/strategies/" + strategy.getId() + "/goals/" + goal.getId() + "/edit";
        mvc.perform(get(url).with(dane)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + HtmlUtils.htmlEscape(goal.getTitle()) + "\"")));
        mvc.perform(goal(url, "Rettet pejlemærke", "3").param("description", "Med beskrivelse")
                        .param("version", String.valueOf(goal.getVersion())))
                .andExpect(status().is3xxRedirection());
        StrategicGoal after = fixtures.reload(strategy).getGoals().get(0);
        assertThat(after.getTitle()).isEqualTo("Rettet pejlemærke");
        assertThat(after.getDescription()).isEqualTo("Med beskrivelse");
        assertThat(after.getPosition()).isEqualTo(3);

        mvc.perform(goal(url, "Forældet", "1").param("version", String.valueOf(goal.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har ændret målet")));
        mvc.perform(goal(url, "", "1").param("version", String.valueOf(after.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv en titel.")));
        assertThat(fixtures.reload(strategy).getGoals().get(0).getTitle()).isEqualTo("Rettet pejlemærke");
    }

    @Test
    void theMessagesSpeakThePersonsLanguage() throws Exception {
        mvc.perform(strategy("/network/sund-by/strategies/new", "", "2199", "2190").param("lang", "sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv strategins namn.")))
                .andExpect(content().string(containsString("Sista året kan inte ligga före första året.")));
    }

    @Test
    void unknownStrategiesAndGoalsAreNotFound() throws Exception {
        Strategy strategy = fixtures.strategy("sund-by");
        mvc.perform(get("/network/sund-by/strategies/99999999").with(dane)).andExpect(status().isNotFound());
        mvc.perform(get("/network/sund-by/strategies/" + strategy.getId() + "/goals/99999999/edit").with(dane))
                .andExpect(status().isNotFound());
        assertThat(strategyNamed(strategy.getName())).isTrue();
    }
}
