import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * After the workshop load (bench/gatling WorkshopSimulation; not a test, see bench/README.md): counts in the
 * application's database (JDBC, -Djdbc.url, as JdbcBaseline) that nothing a phone saved was lost or stored twice.
 * For every phone of workshop-phones.csv, with what the simulation recorded in workshop-saves.csv (saves answered
 * 200 "saved", the last text so saved): its field ({@code workshop_answer} of its group's sheet and its question,
 * the phone found by the SHA-256 of its token as the application stores it) holds its last text saved, its
 * version went up by exactly the successful saves, and {@code workshop_answer_version} holds one row per
 * successful save (versions above the one the set-up read, all different). Then the statements and commits per
 * save from the server's counters over the load window (workshop.counters).
 *
 *   java -cp target/bench-classes:$(cat target/bench-classpath.txt) -Djdbc.url=... [-Dbench.out=target/bench] WorkshopCheck
 *
 * Prints the counts and writes workshop-check.figures.
 */
public class WorkshopCheck {

    public static void main(String[] args) throws Exception {
        Path out = Figures.out();
        List<Map<String, String>> phones = Figures.csv(out.resolve("workshop-phones.csv"));
        Map<String, Map<String, String>> saves = new LinkedHashMap<>();
        for (Map<String, String> row : Figures.csv(out.resolve("workshop-saves.csv"))) {
            saves.put(row.get("token"), row);
        }
        long ok = 0;
        long failed = 0;
        long stored = 0;
        long lost = 0;
        long duplicated = 0;
        long wrongText = 0;
        long wrongVersion = 0;
        long conflicts = 0;
        long notFound = 0;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection(System.getProperty("jdbc.url"),
                System.getProperty("jdbc.user", "root"), System.getProperty("jdbc.password", ""));
             PreparedStatement field = c.prepareStatement("SELECT a.id, a.value, a.version FROM workshop_participant p"
                     + " JOIN workshop_sheet s ON s.group_id = p.group_id"
                     + " JOIN workshop_answer a ON a.sheet_id = s.id AND a.question_id = ?"
                     + " WHERE p.token_hash = ?");
             PreparedStatement versions = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT version) FROM"
                     + " workshop_answer_version WHERE answer_id = ? AND version > ?");
             PreparedStatement conflicted = c.prepareStatement("SELECT COUNT(*) FROM workshop_answer_conflict"
                     + " WHERE answer_id = ?")) {
            for (Map<String, String> phone : phones) {
                String token = phone.get("token");
                int initial = Integer.parseInt(phone.get("version"));
                Map<String, String> sent = saves.getOrDefault(token, Map.of("ok", "0", "failed", "0", "lastText", ""));
                int phoneOk = Integer.parseInt(sent.get("ok"));
                ok += phoneOk;
                failed += Integer.parseInt(sent.get("failed"));
                field.setLong(1, Long.parseLong(phone.get("questionId")));
                field.setString(2, HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8))));
                long answerId;
                String value;
                int version;
                try (ResultSet rs = field.executeQuery()) {
                    if (!rs.next()) {
                        notFound++;
                        lost += phoneOk;
                        continue;
                    }
                    answerId = rs.getLong(1);
                    value = rs.getString(2);
                    version = rs.getInt(3);
                }
                versions.setLong(1, answerId);
                versions.setInt(2, initial);
                long rows;
                long distinct;
                try (ResultSet rs = versions.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                    distinct = rs.getLong(2);
                }
                conflicted.setLong(1, answerId);
                try (ResultSet rs = conflicted.executeQuery()) {
                    rs.next();
                    conflicts += rs.getLong(1);
                }
                stored += rows;
                lost += Math.max(0, phoneOk - distinct);
                duplicated += (rows - distinct) + Math.max(0, distinct - phoneOk);
                if (version != initial + phoneOk) {
                    wrongVersion++;
                }
                if (phoneOk > 0 && !sent.get("lastText").equals(value)) {
                    wrongText++;
                }
            }
        }
        long sentTotal = ok + failed;
        System.out.printf(Locale.ROOT, "Saves sent %d: %d saved (200), %d failed; %d phones%n", sentTotal, ok, failed,
                phones.size());
        System.out.printf(Locale.ROOT, "Stored: %d field versions for %d successful saves; lost %d, duplicated %d;"
                        + " fields without their last saved text %d, with a wrong version %d; phones not found %d;"
                        + " conflicts recorded %d%n", stored, ok, lost, duplicated, wrongText, wrongVersion, notFound,
                conflicts);
        boolean whole = lost == 0 && duplicated == 0 && wrongText == 0 && wrongVersion == 0 && notFound == 0;
        System.out.println(whole ? "CHECK OK: every successful save stored once, every field holds its last text"
                : "CHECK FAILED: see the counts above");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("phones", phones.size());
        figures.put("sent", sentTotal);
        figures.put("ok", ok);
        figures.put("failed", failed);
        figures.put("stored", stored);
        figures.put("lost", lost);
        figures.put("duplicated", duplicated);
        figures.put("wrong.text", wrongText);
        figures.put("wrong.version", wrongVersion);
        figures.put("not.found", notFound);
        figures.put("conflicts", conflicts);
        figures.put("whole", whole);
        Path counters = out.resolve("workshop.counters");
        Map<String, Long> before = Figures.counters(counters, "before");
        Map<String, Long> after = Figures.counters(counters, "after");
        double[] per = Figures.perUnit(before, after, sentTotal);
        if (per != null) {
            System.out.println("Database work per save over the load window: "
                    + JdbcBaseline.perUnit(before, after, (int) sentTotal));
            figures.put("statements.per.save", String.format(Locale.ROOT, "%.2f", per[0]));
            figures.put("commits.per.save", String.format(Locale.ROOT, "%.2f", per[1]));
        }
        Figures.cpuPerUnit(out.resolve("workshop.cpu"), sentTotal, "save", figures);
        Figures.write("workshop-check", figures);
    }
}
