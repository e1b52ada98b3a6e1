package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The secretariat's overview of its own network, and the list of every application, open and closed. */
@IntegrationTest
class HomeOverviewIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired TestNetworks testNetworks;
    @Autowired MembershipFixtures fixtures;

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theOverviewShowsWhatWaitsInTheNetworkAndTheListFindsTheApplication() throws Exception {
        String network = testNetworks.create("home", 3, "membership-onboarding.bpmn");
        Application a = fixtures.apply(network, TestNetworks.code(1));
        fixtures.runJobs(fixtures.instance(a).getId());
        Application now = fixtures.reload(a);
        RequestPostProcessor secretary = TestMembers.login(identity,
                TestUsers.create(identity, "overblik", CurrentUser.SECRETARIAT, network));

        String home = page("/home", secretary);
        assertThat(home).contains("Opgaver", "Ansøgninger i gang", "Evalueringsrunder", "Kommende workshops", "Mails");
        assertThat(home).contains("/membership/applications?status=" + now.getStatus());
        assertThat(home).contains("1 åben").contains("Ingen runder endnu.", "Ingen kommende workshops.",
                "Alle mails er sendt.");
        // the kind of task by its name in the reader's language, not the diagram's Danish one
        assertThat(home).contains("Sekretariatets vurdering: 1 åben");
        assertThat(page("/home?lang=en", secretary)).contains("review: 1 open")
                .doesNotContain("Sekretariatets vurdering");
        assertThat(page("/home?lang=sv", secretary)).doesNotContain("Sekretariatets vurdering").contains("Kansliets bedömning: 1 öppen");

        String list = page("/membership/applications?q=" + TestNetworks.code(1), secretary);
        assertThat(list).contains(now.getReference(), "1 ansøgning");
        assertThat(page("/membership/applications?q=Testby&status=APPROVED", secretary)).contains("Ingen ansøgninger");

        // another network's secretariat sees none of it; the board has no applications panel
        RequestPostProcessor swede = TestMembers.login(identity,
                TestUsers.create(identity, "overblik", CurrentUser.SECRETARIAT, "hc-sverige"));
        assertThat(page("/membership/applications?q=" + TestNetworks.code(1), swede)).doesNotContain(now.getReference());
        RequestPostProcessor board = TestMembers.login(identity,
                TestUsers.create(identity, "overblik", CurrentUser.BOARD, network));
        assertThat(page("/home", board)).contains("Opgaver").doesNotContain("Ansøgninger i gang");
    }
}
