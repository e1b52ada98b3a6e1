import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures a benchmark step hands on to the summary table of bench/run.sh (bench/summary.py): simple
 * {@code key=value} lines in target/bench/NAME.figures, and the CSV files the set-up programs write for Gatling's
 * feeders and the checks read back.
 */
public final class Figures {

    private Figures() {
    }

    /** -Dbench.out, target/bench by default. */
    static Path out() {
        return Path.of(System.getProperty("bench.out", "target/bench"));
    }

    static void write(String name, Map<String, ?> figures) throws IOException {
        List<String> lines = new ArrayList<>();
        figures.forEach((k, v) -> lines.add(k + "=" + v));
        Files.createDirectories(out());
        Files.write(out().resolve(name + ".figures"), lines, StandardCharsets.UTF_8);
    }

    /** key=value lines; empty when the file is not there. */
    static Map<String, String> read(Path file) throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return result;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                result.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return result;
    }

    /** The server's counters before and after a load, as the simulations write them (before.select=...). */
    static Map<String, Long> counters(Path file, String which) throws IOException {
        Map<String, Long> result = new java.util.TreeMap<>();
        read(file).forEach((k, v) -> {
            if (k.startsWith(which + ".")) {
                result.put(k.substring(which.length() + 1), Long.parseLong(v));
            }
        });
        return result.isEmpty() ? null : result;
    }

    /** A CSV file's rows as column maps (header first; a field may be in double quotes, without quotes inside). */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = fields(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> values = fields(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < values.size() ? values.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> result = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                result.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        result.add(field.toString());
        return result;
    }

    /** A CSV field in double quotes (the values written here hold no double quote). */
    static String quoted(String value) {
        if (value.indexOf('"') >= 0) {
            throw new IllegalArgumentException("a double quote in a CSV value: " + value);
        }
        return '"' + value + '"';
    }

    /** Statements (select, insert, update, delete) and commits per unit of work between two counter readings. */
    /**
     * CPU ms per unit (save, applicant) of the application's JVM and of its database server over a load window, from
     * the simulation's {@code <name>.cpu} (before.app, after.db, ...): printed, and put as cpu.app.ms and cpu.db.ms.
     */
    static void cpuPerUnit(Path file, long units, String unit, Map<String, Object> figures) throws IOException {
        Map<String, Long> before = counters(file, "before");
        Map<String, Long> after = counters(file, "after");
        if (before == null || after == null || units == 0) {
            return;
        }
        StringBuilder line = new StringBuilder("CPU per " + unit + " over the load window:");
        for (String who : after.keySet()) {
            double ms = (after.get(who) - before.getOrDefault(who, 0L)) / (double) units;
            figures.put("cpu." + who + ".ms", String.format(Locale.ROOT, "%.1f", ms));
            line.append(String.format(Locale.ROOT, " %s %.1f ms", who.equals("app") ? "application" : "database", ms));
        }
        System.out.println(line);
    }

    static double[] perUnit(Map<String, Long> before, Map<String, Long> after, long units) {
        if (before == null || after == null || units == 0) {
            return null;
        }
        long statements = 0; // every counter read but the commits (an UPDATE over two tables counts as update_multi)
        for (String k : after.keySet()) {
            statements += k.equals("commit") ? 0 : after.get(k) - before.getOrDefault(k, 0L);
        }
        long commits = after.getOrDefault("commit", 0L) - before.getOrDefault("commit", 0L);
        return new double[] {statements / (double) units, commits / (double) units};
    }
}
