package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Any process's task whose camunda:formRef names a form file is worked on /tasks through the forms engine, with
 * no handler of its own: here a test process with forms/test-export.form (every field type but uploads).
 */
@IntegrationTest
class FormTaskFormsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void aFormFileTaskIsRenderedPrefilledCheckedAndCompletedWithTypedVariables() throws Exception {
        repository.createDeployment().name("forms-task-test").tenantId("sund-by").enableDuplicateFiltering(true)
                .addClasspathResource("processes/forms-task-test.bpmn").deploy();
        ProcessInstance pi = runtime.createProcessInstanceByKey("forms-task-test").processDefinitionTenantId("sund-by")
                .businessKey("F-" + UUID.randomUUID()).setVariables(Map.of("people", 43000.0, "by", "Tårnby"))
                .execute();
        String task = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("fill")
                .singleResult().getId();
        String secretary = TestUsers.create(identity, "formtask", CurrentUser.SECRETARIAT, "sund-by");

        String page = mvc.perform(get("/tasks/" + task).with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the file rendered by the forms engine, filled with the task's variables as Tasklist fills it
        assertThat(page).contains("data-form-id=\"test-export\"", "name=\"f.region\"", "name=\"f.tags\"",
                "value=\"43000\"", "value=\"Tårnby\"").doesNotContain("udføres i Camunda Tasklist");

        // the file's rules refuse: nothing completed, the input is kept, the summary links to the fields
        String refused = mvc.perform(post("/tasks/" + task + "/complete").param("f.people", "mange")
                        .param("f.region", "nowhere").param("f.note", "behold mig")
                        .with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("href=\"#f-people\"", "href=\"#f-region\"", "Indbyggere: ", "behold mig");
        assertThat(refused.split("id=\"error-summary\"", -1)).as("one error summary").hasSize(2);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isOne();

        mvc.perform(post("/tasks/" + task + "/complete").param("f.by", "Tårnby").param("f.people", "43000,5")
                        .param("f.member", "true").param("f.since", "2024-01-02").param("f.region", "sj")
                        .param("f.tags", "u", "a").with(TestMembers.login(identity, secretary)).with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        // as Tasklist submits them: numbers as numbers, dates as ISO text; a list as its values joined
        assertThat(runtime.getVariables(pi.getId())).containsEntry("by", "Tårnby").containsEntry("people", 43000.5)
                .containsEntry("member", true).containsEntry("since", "2024-01-02").containsEntry("region", "sj")
                .containsEntry("tags", "u,a").doesNotContainKey("note");
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }
}
