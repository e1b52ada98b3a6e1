import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The database's own limit, the floor every submission pays (not a test; see bench/README.md): single-row
 * inserts with a commit per row through plain JDBC into a scratch table on the database the application uses.
 * Measured on one connection and on several at once; the other benchmarks print their ratio to these figures.
 *
 *   java -cp mariadb-java-client.jar bench/JdbcBaseline.java jdbcUrl [user] [password] [rows] [connections]
 *
 * Prints {@code BASELINE serial=<rows/s> concurrent=<rows/s>} as its last line. The scratch table is dropped
 * at the end.
 */
public class JdbcBaseline {

    /** Opens a connection to the database under test. */
    public interface Connections {
        Connection open() throws SQLException;
    }

    public record Result(double serial, double concurrent, int connections) {
        /** Prints the baseline and puts it into a stage's figures (baseline.serial, .concurrent, .connections). */
        public void report(java.util.Map<String, Object> figures) {
            System.out.println(line());
            figures.put("baseline.serial", String.format(java.util.Locale.ROOT, "%.1f", serial));
            figures.put("baseline.concurrent", String.format(java.util.Locale.ROOT, "%.1f", concurrent));
            figures.put("baseline.connections", connections);
        }

        public String line() {
            return String.format(java.util.Locale.ROOT, "BASELINE serial=%.1f concurrent=%.1f", serial, concurrent);
        }

        /** The ratio of a throughput measured in the same run to the serial and the concurrent baseline. */
        public String ratio(double perSecond) {
            return String.format(java.util.Locale.ROOT, "%.4f x the serial JDBC baseline (%.0f rows/s; 1 : %.0f),"
                    + " %.4f x the %d-connection baseline (%.0f rows/s; 1 : %.0f)", perSecond / serial, serial,
                    serial / perSecond, perSecond / concurrent, connections, concurrent, concurrent / perSecond);
        }
    }

    static final String TABLE = "bench_jdbc_baseline";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args.length > 1 ? args[1] : "root";
        String password = args.length > 2 ? args[2] : "";
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        Result r = measure(() -> DriverManager.getConnection(url, user, password), rows, connections);
        System.out.println(r.line());
    }

    /**
     * The server's statement counters (SHOW GLOBAL STATUS), to count the SQL a benchmark's requests cost: a
     * figure that, unlike time, does not depend on what else the machine is doing. Null without -Djdbc.url.
     */
    public static java.util.Map<String, Long> counters() throws SQLException {
        String url = System.getProperty("jdbc.url");
        if (url == null || url.isBlank()) {
            return null;
        }
        java.util.Map<String, Long> result = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, System.getProperty("jdbc.user", "root"),
                System.getProperty("jdbc.password", ""));
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select',"
                     + " 'Com_insert', 'Com_update', 'Com_delete', 'Com_commit',"
                     // an UPDATE or DELETE naming two tables and an INSERT ... SELECT count apart
                     + " 'Com_insert_select', 'Com_update_multi', 'Com_delete_multi', 'Com_replace', 'Com_replace_select')")) {
            while (rs.next()) {
                result.put(rs.getString(1).substring(4).toLowerCase(java.util.Locale.ROOT), rs.getLong(2));
            }
        }
        return result;
    }

    /** "12.0 statements each (select 8.0, update 1.0, ...)" between two readings of the counters, per unit of work. */
    public static String perUnit(java.util.Map<String, Long> before, java.util.Map<String, Long> after, int units) {
        if (before == null || after == null) {
            return "(no counters without -Djdbc.url)";
        }
        StringBuilder parts = new StringBuilder();
        long statements = 0;
        for (String k : after.keySet()) {
            long d = after.get(k) - before.getOrDefault(k, 0L);
            if (!k.equals("commit")) {
                statements += d;
            }
            parts.append(parts.length() == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%s %.1f", k, d / (double) units));
        }
        return String.format(java.util.Locale.ROOT, "%.1f SQL statements each (%s)", statements / (double) units, parts);
    }

    /** Measured on -Djdbc.url (-Djdbc.user, -Djdbc.password), or null when no URL is given. */
    public static Result fromSystemProperties() throws Exception {
        String url = System.getProperty("jdbc.url");
        if (url == null || url.isBlank()) {
            return null;
        }
        String user = System.getProperty("jdbc.user", "root");
        String password = System.getProperty("jdbc.password", "");
        return measure(() -> DriverManager.getConnection(url, user, password),
                Integer.getInteger("baseline.rows", 3000), Integer.getInteger("baseline.connections", 16));
    }

    public static Result measure(Connections db, int rows, int connections) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TABLE " + TABLE + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, worker INT NOT NULL,"
                    + " payload VARCHAR(200) NOT NULL, created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6))"
                    + " ENGINE=InnoDB");
        }
        try {
            insert(db, 0, Math.max(100, rows / 10)); // warm up the connection, the table and the JIT
            long t0 = System.nanoTime();
            insert(db, 0, rows);
            double serial = rows / ((System.nanoTime() - t0) / 1e9);
            System.out.printf(java.util.Locale.ROOT, "JDBC baseline, 1 connection: %d single-row inserts with commit in"
                    + " %.2f s = %.0f rows/s%n", rows, rows / serial, serial);

            ExecutorService pool = Executors.newFixedThreadPool(connections);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            int each = Math.max(1, rows / connections);
            for (int w = 1; w <= connections; w++) {
                int worker = w;
                done.add(pool.submit((Callable<Void>) () -> {
                    go.await();
                    insert(db, worker, each);
                    return null;
                }));
            }
            long t1 = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            double concurrent = each * connections / ((System.nanoTime() - t1) / 1e9);
            pool.shutdown();
            System.out.printf(java.util.Locale.ROOT, "JDBC baseline, %d connections: %d single-row inserts with commit"
                    + " = %.0f rows/s%n", connections, each * connections, concurrent);
            return new Result(serial, concurrent, connections);
        } finally {
            try (Connection c = db.open(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /** One connection, autocommit off, one row and one commit at a time. */
    static void insert(Connections db, int worker, int rows) throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (worker, payload) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setInt(1, worker);
                    ps.setString(2, "Svar fra deltager " + worker + "/" + i);
                    ps.executeUpdate();
                    c.commit();
                }
            }
        }
    }
}
