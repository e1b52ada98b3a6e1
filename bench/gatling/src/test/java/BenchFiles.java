import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the simulations share: their settings (system properties, which the Gatling Maven plugin passes on to
 * the Gatling JVM), the feeders' row count, and the database server's statement counters before and after the
 * load (SHOW GLOBAL STATUS, as bench/JdbcBaseline.java reads them), written for the check programs in bench/.
 */
final class BenchFiles {

    private BenchFiles() {
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int setting(String name, int fallback) {
        return Integer.parseInt(setting(name, String.valueOf(fallback)));
    }

    /** The folder the set-up programs wrote the feeders to, and where the results go (target/bench). */
    static Path out() {
        return Path.of(setting("bench.out", "../../target/bench")).toAbsolutePath().normalize();
    }

    /** Data rows of a CSV feeder (the header is not counted). */
    static int rows(Path csv) {
        try {
            return (int) Math.max(0, Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("no feeder " + csv + " (run the set-up program first)", e);
        }
    }

    /** The server's statement counters; empty without -Djdbc.url. */
    static Map<String, Long> counters() {
        Map<String, Long> result = new TreeMap<>();
        String url = System.getProperty("jdbc.url");
        if (url == null || url.isBlank()) {
            return result;
        }
        try (Connection c = DriverManager.getConnection(url, setting("jdbc.user", "root"), setting("jdbc.password", ""));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert',"
                     + " 'Com_update', 'Com_delete', 'Com_commit', 'Com_insert_select', 'Com_update_multi',"
                     + " 'Com_delete_multi', 'Com_replace', 'Com_replace_select')")) {
            while (rs.next()) {
                result.put(rs.getString(1).substring(4).toLowerCase(Locale.ROOT), rs.getLong(2));
            }
        } catch (SQLException e) {
            System.err.println("no statement counters: " + e);
        }
        return result;
    }

    /**
     * CPU time used so far by the application's JVM and its database server, in ms ({@link ProcStat}), by -Dapp.pid
     * and -Ddb.pid (bench/run.sh passes them); empty without them.
     * Over a load window it reads as CPU per save or applicant, a figure the machine's other load changes less than a
     * latency.
     */
    static Map<String, Long> cpu() {
        Map<String, Long> result = new TreeMap<>();
        for (String who : List.of("app", "db")) {
            String pid = setting(who + ".pid", "");
            try {
                if (!pid.isEmpty()) {
                    result.put(who, ProcStat.cpuMillis(Path.of("/proc", pid, "stat")));
                }
            } catch (IOException | RuntimeException e) {
                System.err.println("no CPU time of " + who + " (" + pid + "): " + e);
            }
        }
        return result;
    }

    /** before.select=..., after.select=..., one key=value a line. */
    static void writeCounters(Path file, Map<String, Long> before, Map<String, Long> after) {
        List<String> lines = new ArrayList<>();
        before.forEach((k, v) -> lines.add("before." + k + "=" + v));
        after.forEach((k, v) -> lines.add("after." + k + "=" + v));
        write(file, lines);
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
