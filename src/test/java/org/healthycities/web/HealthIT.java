package org.healthycities.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Health is public and says only UP; nothing else of Actuator is open. */
@IntegrationTest
class HealthIT {

    static final String[] CLOSED = {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/configprops"};

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;

    @Test
    void healthIsPublicAndSaysUpWithoutDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"status\":\"UP\"}", true)); // strict: no components, no details
    }

    @Test
    void theOtherEndpointsAreNotPublic() throws Exception {
        for (String path : CLOSED) {
            MvcResult answer = mvc.perform(get(path)).andReturn();
            assertThat(answer.getResponse().getStatus()).as(path).isNotEqualTo(200);
            assertThat(answer.getResponse().getContentAsString()).as(path).doesNotContain("datasource", "\"beans\"");
        }
    }

    @Test
    void norAreTheyOpenToALoggedInSecretariat() throws Exception {
        String user = TestUsers.create(identity, "helbred", CurrentUser.SECRETARIAT, "sund-by");
        for (String path : CLOSED) {
            int status = mvc.perform(get(path).with(TestMembers.login(identity, user))).andReturn().getResponse()
                    .getStatus();
            assertThat(status).as(path).isNotEqualTo(200);
        }
    }
}
