package org.healthycities.engine;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.task.TaskDecorator;

/**
 * People before background work: counts the requests being served, and holds back the start of the engine's
 * jobs (receipts, checks, fees, invitations) while more of them are in flight than {@code busyAbove}, for at
 * most {@code maxWait}. When 200 municipalities send their application at once, the jobs their submits make
 * would otherwise take the cores from the submits still waiting; they run a few seconds later instead. A job
 * already running is never paused, and a quiet server (a round started by the secretariat) runs them at once.
 */
class RequestsInFlight implements Filter, TaskDecorator {

    /** How often a held job looks again: short against a burst's seconds, long against a request's milliseconds. */
    private static final long LOOK_AGAIN_MILLIS = 20;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int busyAbove;
    private final Duration maxWait;

    RequestsInFlight(int busyAbove, Duration maxWait) {
        this.busyAbove = busyAbove;
        this.maxWait = maxWait;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        inFlight.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    int busyAbove() {
        return busyAbove;
    }

    @Override
    public Runnable decorate(Runnable jobs) {
        return () -> {
            awaitFewerRequests();
            jobs.run();
        };
    }

    /** Returns once the requests are few, the wait has reached its bound, or the thread is interrupted. */
    void awaitFewerRequests() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (inFlight.get() > busyAbove && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(LOOK_AGAIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // shutting down: the jobs see it and stop themselves
                return;
            }
        }
    }
}
