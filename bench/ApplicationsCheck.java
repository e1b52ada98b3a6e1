import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * After the /apply load (bench/gatling ApplySimulation; not a test, see bench/README.md): counts the applications
 * received in the application's database (JDBC, -Djdbc.url): for the municipality codes of apply-applicants.csv,
 * the rows of {@code membership_application} (exactly one per applicant: none missing, none twice), their
 * statuses and how many have their decision document read; then the statements and commits per submit from the
 * server's counters over the load window (apply.counters; the page's GET and the jobs that ran meanwhile
 * included).
 *
 *   java -cp target/bench-classes:$(cat target/bench-classpath.txt) -Djdbc.url=... [-Dbench.out=target/bench] ApplicationsCheck
 *
 * Prints the counts and writes applications-check.figures.
 */
public class ApplicationsCheck {

    public static void main(String[] args) throws Exception {
        Path out = Figures.out();
        List<Map<String, String>> applicants = Figures.csv(out.resolve("apply-applicants.csv"));
        Map<String, Integer> perCode = new HashMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> keys = new HashMap<>();
        int documents = 0;
        int rows = 0;
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < applicants.size(); i++) {
            in.append(i == 0 ? "?" : ",?");
        }
        try (Connection c = DriverManager.getConnection(System.getProperty("jdbc.url"),
                System.getProperty("jdbc.user", "root"), System.getProperty("jdbc.password", ""));
             PreparedStatement q = c.prepareStatement("SELECT municipality_code, idempotency_key, status,"
                     + " decision_document_id FROM membership_application WHERE network_id = 'sund-by'"
                     + " AND municipality_code IN (" + in + ")")) {
            for (int i = 0; i < applicants.size(); i++) {
                q.setString(i + 1, applicants.get(i).get("code"));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    perCode.merge(rs.getString(1), 1, Integer::sum);
                    keys.merge(rs.getString(2), 1, Integer::sum);
                    statuses.merge(rs.getString(3), 1, Integer::sum);
                    rs.getLong(4);
                    if (!rs.wasNull()) {
                        documents++;
                    }
                }
            }
        }
        int distinct = perCode.size();
        int duplicates = rows - distinct;
        int missing = applicants.size() - distinct;
        int repeatedKeys = rows - keys.size();
        System.out.printf(Locale.ROOT, "Applications in the database: %d rows for %d applicants (%d municipalities,"
                        + " %d missing, %d duplicates, %d idempotency keys used twice); statuses %s; %d with their"
                        + " decision document read%n", rows, applicants.size(), distinct, missing, duplicates,
                repeatedKeys, statuses, documents);
        boolean whole = missing == 0 && duplicates == 0 && repeatedKeys == 0;
        System.out.println(whole ? "CHECK OK: exactly one application per applicant"
                : "CHECK FAILED: see the counts above");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("applicants", applicants.size());
        figures.put("rows", rows);
        figures.put("distinct", distinct);
        figures.put("missing", missing);
        figures.put("duplicates", duplicates);
        figures.put("documents", documents);
        figures.put("whole", whole);
        Path counters = out.resolve("apply.counters");
        Map<String, Long> before = Figures.counters(counters, "before");
        Map<String, Long> after = Figures.counters(counters, "after");
        double[] per = Figures.perUnit(before, after, applicants.size());
        if (per != null) {
            System.out.println("Database work per applicant (page and submit) over the load window: "
                    + JdbcBaseline.perUnit(before, after, applicants.size()));
            figures.put("statements.per.applicant", String.format(Locale.ROOT, "%.1f", per[0]));
            figures.put("commits.per.applicant", String.format(Locale.ROOT, "%.1f", per[1]));
        }
        Figures.cpuPerUnit(out.resolve("apply.cpu"), applicants.size(), "applicant", figures);
        Figures.write("applications-check", figures);
    }
}
