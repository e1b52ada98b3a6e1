package org.healthycities.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * The fast tier's engine for the *ProcessTest classes: one plain Camunda engine per test JVM on an in-memory H2
 * database (src/test/resources/process-tests/camunda.cfg.xml), no Spring, no MariaDB. The steps beans are
 * Mockito mocks a test registers with {@code Mocks.register}; no job executor runs, so a test runs the jobs
 * itself and moves the engine's clock to fire timers.
 */
public final class InMemoryEngine {

    public static final String CONFIGURATION = "process-tests/camunda.cfg.xml";

    private static final int MAX_JOBS = 1_000;

    private InMemoryEngine() {
    }

    /** For {@code @RegisterExtension}: deploys a test's {@code @Deployment} and removes it afterwards. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource(CONFIGURATION).build();
    }

    /**
     * A stand-in for a process another one calls, so the caller is tested alone: it waits in the user task
     * {@code waitsIn} until the test completes it. Removed with the test's deployment.
     */
    public static void deployCalledProcessStub(ProcessEngineExtension engine, String processKey, String waitsIn) {
        engine.manageDeployment(engine.getRepositoryService().createDeployment()
                .addModelInstance(processKey + "-stub.bpmn", Bpmn.createExecutableProcess(processKey)
                        .camundaHistoryTimeToLive(1).startEvent().userTask(waitsIn).endEvent().done())
                .deploy());
    }

    /** The engine's clock stands at this instant (put back with {@link #resetClock()}). */
    public static void clockAt(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** The clock moves on to the instant, and whatever is due by then runs. */
    public static void timePassesTo(Instant now) {
        clockAt(now);
        runDueJobs();
    }

    /**
     * Runs every job that is due now (asynchronous continuations, timers whose time has come) and those they
     * make, until none is due; a failing job fails the test with its exception.
     */
    public static void runDueJobs() {
        for (int run = 0; run < MAX_JOBS; run++) {
            List<Job> due = managementService().createJobQuery().executable().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("Still jobs due after " + MAX_JOBS + ": a loop in the process?");
    }
}
