package org.healthycities.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;

/**
 * Held by every Spring context that uses the embedded server; the data source depends on it, so it is
 * released only after the connection pool has closed. The server stops at JVM exit once all are
 * released, so the engine's job executor never sees the database vanish under it.
 */
public class EmbeddedDatabaseLease implements DisposableBean {

    private static final AtomicInteger HELD = new AtomicInteger();
    private static final Object LOCK = new Object();

    public EmbeddedDatabaseLease() {
        EmbeddedMariaDb.awaitAllReady(); // the server started in the background: the pool's first connection needs it
        HELD.incrementAndGet();
    }

    @Override
    public void destroy() {
        synchronized (LOCK) {
            HELD.decrementAndGet();
            LOCK.notifyAll();
        }
    }

    static void awaitAllReleased(Duration max) {
        long deadline = System.currentTimeMillis() + max.toMillis();
        synchronized (LOCK) {
            while (HELD.get() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    LOCK.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
