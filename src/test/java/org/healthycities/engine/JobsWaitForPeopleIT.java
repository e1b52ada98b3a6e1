package org.healthycities.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's own job executor holds a job it has taken while more requests are served than the limit, and runs
 * it once they are answered: the wiring of {@link RequestsInFlight} into the executor the Camunda starter uses.
 */
@IntegrationTest
class JobsWaitForPeopleIT {

    /** Long enough for an acquired job to have run had it not been held, on any machine. */
    private static final long HELD_MILLIS = 500;

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RequestsInFlight requests;

    @Test
    void anAcquiredJobWaitsWhileTheServerIsBusy_andRunsWhenTheRequestsAreAnswered() throws Exception {
        String tenant = "jobs-" + Long.toHexString(System.nanoTime());
        BpmnModelInstance oneAsyncStep = Bpmn.createExecutableProcess("jobs-wait").camundaHistoryTimeToLive(1)
                .startEvent().camundaAsyncAfter().endEvent().done();
        repository.createDeployment().tenantId(tenant).addModelInstance("jobs-wait.bpmn", oneAsyncStep).deploy();

        String before = start(tenant);
        assertThat(eventually(() -> ended(before))).as("a quiet server runs the job").isTrue();

        CountDownLatch answer = RequestsInFlightTest.holdRequests(requests, requests.busyAbove() + 1);
        try {
            String during = start(tenant);
            assertThat(eventually(() -> management.createJobQuery().processInstanceId(during).acquired().count() == 1))
                    .as("the job executor takes the job").isTrue();
            TimeUnit.MILLISECONDS.sleep(HELD_MILLIS);
            assertThat(ended(during)).as("held while the requests are served").isFalse();

            answer.countDown();
            assertThat(eventually(() -> ended(during))).as("run once they are answered").isTrue();
        } finally {
            answer.countDown();
        }
        assertThat(eventually(() -> requests.inFlight() == 0)).isTrue();
    }

    private String start(String tenant) {
        return runtime.createProcessInstanceByKey("jobs-wait").processDefinitionTenantId(tenant).execute().getId();
    }

    private boolean ended(String instanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }
}
