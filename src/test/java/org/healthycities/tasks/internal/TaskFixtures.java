package org.healthycities.tasks.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.support.TestClock;
import org.springframework.stereotype.Component;

/** Starts the test process (processes/tasks-test.bpmn) in a network, each case with its own business key. */
@Component
class TaskFixtures {

    static final String PROCESS = "tasks-test";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;

    TaskFixtures(RepositoryService repository, RuntimeService runtime, TaskService tasks) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** A new case: "Gennemgå sagen" overdue by two days, "Gennemgå bilagene" due tomorrow; returns its key. */
    String startCase(String network) {
        return startCase(network, "T-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String startCase(String network, String businessKey) {
        for (String tenant : new String[] {"sund-by", "hc-sverige"}) {
            repository.createDeployment().name(PROCESS).tenantId(tenant).enableDuplicateFiltering(true)
                    .addClasspathResource("processes/tasks-test.bpmn").deploy();
        }
        runtime.createProcessInstanceByKey(PROCESS).processDefinitionTenantId(network).businessKey(businessKey)
                .setVariable("overdueDue", Date.from(TestClock.now().minus(Duration.ofDays(2))))
                .setVariable("soonDue", Date.from(TestClock.now().plus(Duration.ofDays(1))))
                .execute();
        return businessKey;
    }

    Task task(String businessKey, String taskDefinitionKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
                .singleResult();
    }
}
