package org.healthycities.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tests' job runner hides no failing job: a job that throws fails the test, a lost race does not. */
@IntegrationTest
class DueJobsIT {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void aJobThatThrowsFailsTheTestWithItsCause() {
        String deployment = deploy("${noSuchBeanAnywhere.run()}");
        try {
            String instance = runtime.startProcessInstanceByKey("dueJobsProbe").getId();
            assertThatThrownBy(() -> DueJobs.ofProcessInstance(management, instance).runAll())
                    .isInstanceOf(AssertionError.class).hasStackTraceContaining("noSuchBeanAnywhere");
        } finally {
            remove(deployment);
        }
    }

    @Test
    void aJobThatWorksRunsAndTheInstanceEnds() {
        String deployment = deploy("${true}");
        try {
            String instance = runtime.startProcessInstanceByKey("dueJobsProbe").getId();
            DueJobs.ofProcessInstance(management, instance).runAll();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        } finally {
            remove(deployment);
        }
    }

    @Test
    void onlyACollisionWithAnotherTransactionCountsAsNoFailure() {
        assertThat(DueJobs.collision("org.camunda.bpm.engine.OptimisticLockingException: ENGINE-03005")).isTrue();
        assertThat(DueJobs.collision("java.sql.SQLTransactionRollbackException: Deadlock found when trying to get lock"))
                .isTrue();
        assertThat(DueJobs.collision("org.camunda.bpm.engine.ProcessEngineException: Unknown property used in expression"))
                .isFalse();
        assertThat(DueJobs.collision(null)).isFalse();
    }

    /** The job executor may be retrying the failing job meanwhile: try again until the deployment is gone. */
    private void remove(String deployment) {
        for (int attempt = 1; ; attempt++) {
            try {
                repository.deleteDeployment(deployment, true);
                return;
            } catch (ProcessEngineException busy) {
                // a lost race with the executor's lock on the job (optimistic locking or a foreign key it still holds)
                if (attempt == 50) {
                    throw busy;
                }
                Thread.onSpinWait();
            }
        }
    }

    private String deploy(String expression) {
        BpmnModelInstance probe = Bpmn.createExecutableProcess("dueJobsProbe").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("work").camundaAsyncBefore().camundaExpression(expression)
                .endEvent().done();
        return repository.createDeployment().addModelInstance("due-jobs-probe.bpmn", probe).deploy().getId();
    }
}
