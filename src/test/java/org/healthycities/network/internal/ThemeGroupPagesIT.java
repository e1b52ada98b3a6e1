package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.ThemeGroup;
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
class ThemeGroupPagesIT {

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
        dane = TestMembers.login(identity, TestUsers.create(identity, "tema", CurrentUser.SECRETARIAT, "sund-by"));
    }

    private MockHttpServletRequestBuilder create(String name, String description) {
        return post("/network/sund-by/theme-groups/new").with(dane).with(csrf())
                .param("name", name).param("description", description).param("active", "true").param("_active", "on");
    }

    private long groupsNamed(String name) {
        return directory.themeGroups("sund-by").stream().filter(g -> g.getName().equalsIgnoreCase(name.strip())).count();
    }

    @Test
    void theListShowsTheNetworksGroupsWithLinksToEditThem() throws Exception {
        ThemeGroup group = fixtures.themeGroup("sund-by");
        mvc.perform(get("/network/sund-by/theme-groups").with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Temagrupper i Sund By Netværket")))
                .andExpect(content().string(containsString(group.getName())))
                .andExpect(content().string(containsString(
                        "/network/sund-by/theme-groups/" + group.getId() + "/edit")));
    }

    @Test
    void aNewGroupIsSavedWithItsDescriptionAndActive() throws Exception {
        String name = NetworkFixtures.unique("Sund by natur");
        mvc.perform(create("  " + name + " ", "Grønne områder og sundhed"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/network/sund-by/theme-groups"))
                .andExpect(flash().attribute("saved", "themeGroup.created"));
        ThemeGroup saved = directory.themeGroups("sund-by").stream().filter(g -> g.getName().equals(name))
                .findFirst().orElseThrow();
        assertThat(saved.getDescription()).isEqualTo("Grønne områder og sundhed");
        assertThat(saved.isActive()).isTrue();
    }

    @Test
    void anEmptyOrTooLongNameIsRefusedAndNothingIsSaved() throws Exception {
        int before = directory.themeGroups("sund-by").size();
        mvc.perform(create("  ", "Beskrivelsen bliver stående"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv temagruppens navn.")))
                .andExpect(content().string(containsString("Ret fejlene nedenfor. Intet er gemt endnu.")))
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape("Beskrivelsen bliver stående") + "</textarea>")));
        mvc.perform(create("x".repeat(201), ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Navnet må højst være 200 tegn.")))
                .andExpect(content().string(containsString("value=\"" + "x".repeat(201) + "\"")));
        mvc.perform(create("Gruppe", "d".repeat(4001)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beskrivelsen må højst være 4000 tegn.")));
        assertThat(directory.themeGroups("sund-by")).hasSize(before);
    }

    @Test
    void aNameTheNetworkHasInAnyCaseIsRefusedButAnotherNetworkMayHaveIt() throws Exception {
        ThemeGroup existing = fixtures.themeGroup("sund-by");
        String sameInOtherCase = existing.getName().toUpperCase();
        mvc.perform(create(sameInOtherCase, ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Netværket har allerede en temagruppe med dette navn.")))
                .andExpect(content().string(containsString("value=\"" + sameInOtherCase + "\"")));
        assertThat(groupsNamed(existing.getName())).isEqualTo(1);

        ThemeGroup swedish = fixtures.themeGroup("hc-sverige");
        mvc.perform(create(swedish.getName(), "")).andExpect(status().is3xxRedirection());
        assertThat(groupsNamed(swedish.getName())).isEqualTo(1);
    }

    @Test
    void anEditIsSavedAndCanMakeTheGroupInactive() throws Exception {
        ThemeGroup group = fixtures.themeGroup("sund-by");
        String renamed = NetworkFixtures.unique("Omdøbt");
        mvc.perform(get("/network/sund-by/theme-groups/" + group.getId() + "/edit").with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + group.getName() + "\"")));
        // an unticked box is not sent; only Thymeleaf's marker field tells it was on the form
        mvc.perform(post("/network/sund-by/theme-groups/" + group.getId() + "/edit").with(dane).with(csrf())
                        .param("version", String.valueOf(group.getVersion())).param("name", renamed)
                        .param("description", "Ny beskrivelse").param("_active", "on"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("saved", "themeGroup.saved"));
        ThemeGroup after = fixtures.reload(group);
        assertThat(after.getName()).isEqualTo(renamed);
        assertThat(after.getDescription()).isEqualTo("Ny beskrivelse");
        assertThat(after.isActive()).isFalse();
    }

    @Test
    void renamingToAnotherGroupsNameOrFromAStaleVersionChangesNothing() throws Exception {
        ThemeGroup group = fixtures.themeGroup("sund-by");
        ThemeGroup other = fixtures.themeGroup("sund-by");
        String url = "/network/sund-by/theme-groups/" + group.getId() + "/edit";
        mvc.perform(post(url).with(dane).with(csrf()).param("version", String.valueOf(group.getVersion()))
                        .param("name", other.getName().toLowerCase()).param("_active", "on").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Netværket har allerede en temagruppe med dette navn.")));
        mvc.perform(post(url).with(dane).with(csrf()).param("version", String.valueOf(group.getVersion() + 7))
                        .param("name", "Et nyt navn").param("_active", "on").param("active", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har ændret temagruppen")));
        ThemeGroup after = fixtures.reload(group);
        assertThat(after.getName()).isEqualTo(group.getName());
        assertThat(after.getVersion()).isEqualTo(group.getVersion());
    }

    @Test
    void theMessagesSpeakThePersonsLanguage() throws Exception {
        mvc.perform(create("", "").param("lang", "sv"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv temagruppens namn.")))
                .andExpect(content().string(containsString("Rätta felen nedan.")));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        String name = NetworkFixtures.unique("Uden token");
        mvc.perform(post("/network/sund-by/theme-groups/new").with(dane).param("name", name))
                .andExpect(status().isForbidden());
        assertThat(groupsNamed(name)).isZero();
        mvc.perform(get("/network/sund-by/theme-groups/new").with(dane))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }
}
