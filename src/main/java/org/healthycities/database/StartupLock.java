package org.healthycities.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Lets one node at a time through the first part of its start: Camunda's schema creation (which takes no
 * lock of its own), Flyway, and the ApplicationStartedEvent listeners that seed data, create the engine's
 * groups, filters and authorizations and deploy the processes. Without it two nodes started at once on an
 * empty database both create the same rows, and one fails or filters end up twice. Held as a named lock of
 * the database server (MySQL/MariaDB {@code GET_LOCK}) on one pooled connection, from before the engine is
 * built until the application is ready; a node that dies holding it loses its connection and so the lock.
 */
class StartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String NAME = "healthy-cities.startup";
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private Connection connection;

    StartupLock(DataSource dataSource, int timeoutSeconds) throws SQLException {
        long start = System.nanoTime();
        connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, NAME);
            lock.setInt(2, timeoutSeconds);
            try (ResultSet r = lock.executeQuery()) {
                if (!r.next() || r.getInt(1) != 1) {
                    release();
                    throw new IllegalStateException("Another node held the startup lock for " + timeoutSeconds
                            + " s; is one hanging on start?");
                }
            }
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (waited > 1000) {
            log.info("Waited {} ms for another node to finish starting", waited);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, NAME);
            unlock.execute();
        } catch (SQLException e) {
            log.warn("Could not release the startup lock; it goes with the connection", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool discards a broken connection
            }
            connection = null;
        }
    }
}
