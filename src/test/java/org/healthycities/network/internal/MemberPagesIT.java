package org.healthycities.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.network.Member;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class MemberPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    TestMembers testMembers;

    String secretary;
    Member aeroe;

    @BeforeEach
    void setUp() {
        secretary = TestUsers.create(identity, "sek", CurrentUser.SECRETARIAT, "sund-by");
        aeroe = testMembers.activeMember("sund-by", "0492");
    }

    private MockHttpServletRequestBuilder edit(String name, String code, String email, String population) {
        Member current = testMembers.reload(aeroe);
        return post("/members/" + aeroe.getId() + "/edit").with(TestMembers.login(identity, secretary)).with(csrf())
                .param("version", String.valueOf(current.getVersion()))
                .param("name", name).param("code", code).param("status", "ACTIVE")
                .param("population", population).param("coordinatorEmail", email)
                .param("coordinatorName", "Bo Bøgh");
    }

    @Test
    void badInputIsRefusedFieldByFieldInDanishAndNothingIsSaved() throws Exception {
        Member before = testMembers.reload(aeroe);
        mvc.perform(edit("", "9999", "not-an-email", "-5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv medlemmets navn.")))
                .andExpect(content().string(containsString("Koden er ikke en kendt kommune eller region i netværket.")))
                .andExpect(content().string(containsString("Skriv en gyldig e-mailadresse")))
                .andExpect(content().string(containsString("Indbyggertallet kan ikke være negativt.")))
                .andExpect(content().string(containsString("value=\"not-an-email\"")));
        Member after = testMembers.reload(aeroe);
        assertThat(after.getName()).isEqualTo("Ærø Kommune");
        assertThat(after.getCoordinatorEmail()).isEqualTo(before.getCoordinatorEmail());
        assertThat(after.getPopulation()).isNotEqualTo(-5);
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
    }

    @Test
    void theRefusalSpeaksThePersonsLanguage() throws Exception {
        mvc.perform(edit("", "0492", "x@example.org", "6000").param("lang", "sv"))
                .andExpect(content().string(containsString("Skriv medlemmens namn.")));
        mvc.perform(edit("", "0492", "x@example.org", "6000").param("lang", "en"))
                .andExpect(content().string(containsString("Enter the member")));
    }

    @Test
    void aNumberThatIsNotANumberIsRefusedNotLost() throws Exception {
        mvc.perform(edit("Ærø Kommune", "0492", "bo@aeroe.dk", "mange"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Skriv et helt tal.")));
    }

    @Test
    void aValidEditIsSavedAndShown() throws Exception {
        mvc.perform(edit("Ærø Kommune", "0492", "bo@aeroe.dk", "6000"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/members/" + aeroe.getId()));
        Member after = testMembers.reload(aeroe);
        assertThat(after.getCoordinatorName()).isEqualTo("Bo Bøgh");
        assertThat(after.getCoordinatorEmail()).isEqualTo("bo@aeroe.dk");
        assertThat(after.getPopulation()).isEqualTo(6000);
    }

    @Test
    void aStaleVersionIsRefusedWithoutLosingTheOtherSave() throws Exception {
        mvc.perform(edit("Ærø Kommune", "0492", "first@aeroe.dk", "6000")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/members/" + aeroe.getId() + "/edit").with(TestMembers.login(identity, secretary))
                        .with(csrf()).param("version", "0").param("name", "Ærø").param("code", "0492")
                        .param("status", "ACTIVE").param("coordinatorEmail", "second@aeroe.dk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har ændret medlemmet")));
        assertThat(testMembers.reload(aeroe).getCoordinatorEmail()).isEqualTo("first@aeroe.dk");
    }

    @Test
    void theListSearchesByNameAndCodeAndFiltersByStatus() throws Exception {
        testMembers.activeMember("sund-by", "0185");
        var user = TestMembers.login(identity, secretary);
        mvc.perform(get("/members").param("q", "tårn").with(user))
                .andExpect(content().string(containsString("Tårnby Kommune")))
                .andExpect(content().string(not(containsString("Ærø Kommune"))));
        mvc.perform(get("/members").param("q", "0492").with(user))
                .andExpect(content().string(containsString("Ærø Kommune")));
        mvc.perform(get("/members").param("status", "RESIGNED").param("q", "Ærø").with(user))
                .andExpect(content().string(containsString("Ingen medlemmer fundet.")));
    }

    @Test
    void withoutLoginThePagesAskForOneAndPostsNeedCsrf() throws Exception {
        mvc.perform(get("/members")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/members/" + aeroe.getId() + "/edit").with(TestMembers.login(identity, secretary))
                .param("version", "0").param("name", "x").param("code", "0492")).andExpect(status().isForbidden());
    }

    @Test
    void unknownPagesShowAFriendlyPageWithoutAStackTrace() throws Exception {
        mvc.perform(get("/no/such/page").with(TestMembers.login(identity, secretary)))
                .andExpect(status().isNotFound());
    }
}
