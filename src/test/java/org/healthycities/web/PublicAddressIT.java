package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Without HC_BASE_URL (as in the tests), links take the address a signed-in staff member's browser used, never
 * the Host of an anonymous request, and the admin is told to set the address.
 */
@IntegrationTest
class PublicAddressIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired PublicAddress address;

    @Test
    void linksUseTheAddressAStaffBrowserUsedAndTheAdminIsWarned() throws Exception {
        assertThat(address.isSet()).isFalse();
        String admin = TestUsers.create(identity, "trialAdmin", CurrentUser.ADMIN);
        String page = mvc.perform(get("/home").with(TestMembers.login(identity, admin))
                        .with(at("https", "trial.example", 8443)))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select(".notice.warning").text()).contains("HC_BASE_URL")
                .contains("https://trial.example:8443");
        assertThat(address.url()).isEqualTo("https://trial.example:8443");

        // a stranger's forged Host changes nothing, and the mail it asks for links to the learnt address
        String secretary = TestUsers.create(identity, "trialSec", CurrentUser.SECRETARIAT, "sund-by");
        mvc.perform(post("/login/forgot").param("email", secretary + "@example.org").with(csrf())
                .with(at("http", "forged.example", 80)));
        assertThat(address.url()).isEqualTo("https://trial.example:8443");
        assertThat(MailServer.html(MailServer.awaitMails(secretary + "@example.org", 1).get(0)))
                .contains("https://trial.example:8443/login/password/").doesNotContain("forged.example");

        // a secretary's browser teaches the address too, but only the admin sees the warning
        String secretaryPage = mvc.perform(get("/home").with(TestMembers.login(identity, secretary))
                        .with(at("https", "hc.example.dk", 443)))
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(secretaryPage).select(".notice.warning")).isEmpty();
        assertThat(address.url()).isEqualTo("https://hc.example.dk");
    }

    private static RequestPostProcessor at(String scheme, String host, int port) {
        return request -> {
            request.setScheme(scheme);
            request.setServerName(host);
            request.setServerPort(port);
            request.setRemoteAddr("10.77.0.1");
            return request;
        };
    }
}
