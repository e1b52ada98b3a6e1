package org.healthycities.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * Runs due jobs by hand while the shared context's job executor runs too. A test moves the engine clock, which
 * the job executor notices only at its next acquisition, so tests fire what is due themselves. The two may
 * still meet on one job: ours then loses to a lock or a deadlock, which is not the job's fault, so a job that
 * ran out of retries gets them back a few times. A job that keeps failing is a real failure and is reported.
 */
public final class DueJobs {

    private static final int RESETS_PER_JOB = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final ManagementService management;
    private final Supplier<JobQuery> scope;
    private final Map<String, Integer> resets = new HashMap<>();

    private DueJobs(ManagementService management, Supplier<JobQuery> scope) {
        this.management = management;
        this.scope = scope;
    }

    public static DueJobs ofProcessInstance(ManagementService management, String processInstanceId) {
        return new DueJobs(management, () -> management.createJobQuery().processInstanceId(processInstanceId));
    }

    public static DueJobs ofTenant(ManagementService management, String tenantId) {
        return new DueJobs(management, () -> management.createJobQuery().tenantIdIn(tenantId));
    }

    /** Until no job in scope is due any more. */
    public void runAll() {
        runUntil(() -> scope.get().executable().count() == 0 && scope.get().noRetriesLeft().count() == 0);
    }

    /** Until the condition holds; fails with the last job error after the timeout. */
    public void runUntil(BooleanSupplier done) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Jobs still due or condition not reached after " + TIMEOUT.toSeconds()
                        + " s; failed jobs: " + failures());
            }
            giveBackRetries();
            List<Job> due = scope.get().executable().list();
            boolean ranAny = false;
            for (Job job : due) {
                if (lockedByTheJobExecutor(job)) {
                    continue;
                }
                ranAny = true;
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException lostOrFailed) {
                    // taken by the job executor, or failed and retried: the next round looks again
                }
            }
            if (!ranAny) {
                pause();
            }
        }
    }

    /**
     * Lets the time run to {@code end} as the engine would live it: runs what is due, then moves the clock to the
     * next timer in scope and runs that, and so on; stops the clock at {@code end}. So every timer fires at its own
     * due time, and what it records carries that time.
     */
    public void walkUntil(Instant end) {
        while (true) {
            runAll();
            Instant now = TestClock.now();
            Job next = scope.get().timers().duedateHigherThan(Date.from(now)).orderByJobDuedate().asc()
                    .listPage(0, 1).stream().findFirst().orElse(null);
            if (next == null || next.getDuedate().toInstant().isAfter(end)) {
                TestClock.set(end);
                runAll();
                return;
            }
            TestClock.set(next.getDuedate().toInstant());
        }
    }

    /**
     * Executes one due job now, as a timer firing at the engine's (moved) clock. If the job executor took it first,
     * its run counts: this waits until that run has ended, so what follows sees the job's effect.
     */
    public static void fire(ManagementService management, String jobId) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < end) {
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job == null) {
                return; // run and gone (a cycle timer leaves a new job for its next time)
            }
            if (lockedByTheJobExecutor(job)) {
                pause();
                continue;
            }
            try {
                management.executeJob(jobId);
                return;
            } catch (org.camunda.bpm.engine.OptimisticLockingException takenMeanwhile) {
                // the job executor locked or ran it between our look and our run: look again
            }
        }
        throw new AssertionError("Job " + jobId + " still there after " + TIMEOUT.toSeconds() + " s");
    }

    private void giveBackRetries() {
        for (Job failed : scope.get().noRetriesLeft().list()) {
            int given = resets.merge(failed.getId(), 1, Integer::sum);
            if (given > RESETS_PER_JOB) {
                throw new AssertionError("Job failed: " + failed.getExceptionMessage() + "\n"
                        + management.getJobExceptionStacktrace(failed.getId()));
            }
            management.setJobRetries(failed.getId(), 1);
        }
    }

    private static boolean lockedByTheJobExecutor(Job job) {
        return job instanceof JobEntity entity && entity.getLockExpirationTime() != null
                && entity.getLockExpirationTime().after(java.util.Date.from(TestClock.now()));
    }

    private List<String> failures() {
        return scope.get().withException().list().stream().map(j -> j.getId() + ": " + j.getExceptionMessage()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
