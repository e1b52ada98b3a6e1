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
 * still meet on one job: ours then loses to an optimistic lock or a database deadlock, which is not the job's
 * fault, so such a job gets its retry back (a few times). Any other failure of a job, whoever ran it, fails
 * the test at once with the job's stack trace: a job that fails now and then is a bug, not a flake.
 */
public final class DueJobs {

    private static final int RESETS_PER_JOB = 3;
    /** What only a collision with another transaction throws. */
    private static final List<String> COLLISIONS = List.of("OptimisticLockingException", "Deadlock found",
            "Lock wait timeout", "SQLTransactionRollbackException",
            // the optimistic-locking failure as the job's message says it (its stack trace is not always kept)
            "ENGINE-03005", "updated by another transaction concurrently",
            // the engine's wrapper for a failed flush, when the job kept no stack trace to say which: a real fault
            // repeats on every retry and still fails the test once the resets are used up
            "An exception occurred in the persistence layer");
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
            failOnJobErrors();
            List<Job> due = scope.get().executable().list();
            boolean ranAny = false;
            for (Job job : due) {
                if (lockedByTheJobExecutor(job)) {
                    continue;
                }
                ranAny = true;
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    if (!ranElsewhere(job.getId()) && !collision(stackTrace(e))) {
                        throw new AssertionError("Job " + job.getId() + " failed", e);
                    }
                    // taken by the job executor meanwhile, or a deadlock with it: the next round looks again
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

    /** A job that failed (here or in the job executor) fails the test, unless it only collided with another. */
    private void failOnJobErrors() {
        for (Job failed : scope.get().withException().list()) {
            String trace;
            try {
                trace = management.getJobExceptionStacktrace(failed.getId());
            } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
                continue; // run again and ended (by the executor's retry) between the query and this look
            }
            boolean outOfRetries = failed.getRetries() == 0;
            boolean collided = collision(trace) || collision(failed.getExceptionMessage());
            if (!collided || outOfRetries && resets.merge(failed.getId(), 1, Integer::sum) > RESETS_PER_JOB) {
                throw new AssertionError("Job failed: " + failed.getExceptionMessage() + "\n" + trace);
            }
            if (outOfRetries) {
                management.setJobRetries(failed.getId(), 1);
            }
        }
    }

    /**
     * Our run of a job failed, but the job executor ran the same job at the same moment (our run does not heed its
     * lock): the job is gone or locked by it now, so what our run met was the other run's work (its mail already
     * in the outbox, its process instance already ended), not a fault of the job.
     */
    private boolean ranElsewhere(String jobId) {
        Job now = management.createJobQuery().jobId(jobId).singleResult();
        return now == null || lockedByTheJobExecutor(now);
    }

    static boolean collision(String trace) {
        return trace != null && COLLISIONS.stream().anyMatch(trace::contains);
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
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
