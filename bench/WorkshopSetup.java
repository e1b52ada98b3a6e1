import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The set-up of the workshop load (bench/gatling WorkshopSimulation; not a test, see bench/README.md), with the code
 * WorkshopBurst uses: as the secretariat, a workshop session with G groups and ceil(N/G) long-text questions,
 * opened; N phones join it over HTTP (phone n in group n % G, filling question n / G of its group's sheet, so every
 * phone has a field of its own) and each reads its field's version as the sheet's script does
 * ({@code GET /join/s/{token}/fields}). Then the JDBC baseline right before the load (with -Djdbc.url).
 *
 *   java -cp target/bench-classes:$(cat target/bench-classpath.txt) [-Djdbc.url=...] [-Dbench.out=target/bench] \
 *        WorkshopSetup baseUrl user password [participants] [groups] [threads]
 *
 * Writes, in bench.out: workshop-phones.csv (n, token, questionId, version, the phone's cookies and its CSRF token:
 * the simulation's feeder) and workshop-setup.figures (the session, the join time, the baseline).
 */
public class WorkshopSetup {

    public static void main(String[] args) throws Exception {
        BenchHttp.WorkshopArgs a = BenchHttp.WorkshopArgs.of(args, 16);
        BenchHttp web = a.web();
        int participants = a.participants();
        int groups = a.groups();

        BenchHttp.Client desk = a.login();
        ExecutorService pool = Executors.newFixedThreadPool(a.threads());
        warmUp(web, desk, pool, Integer.getInteger("warmup.saves", 2000));
        BenchHttp.Session session = a.openSession(desk, "Gatling " + LocalDateTime.now().withNano(0));

        long joinStart = System.nanoTime();
        List<BenchHttp.Phone> phones = web.joinAll(pool, session.code(), participants, groups);
        // each phone's field version, as its page's script reads the sheet
        Pattern field = Pattern.compile("\"(\\d+)\"\\s*:\\s*\\{\\s*\"version\"\\s*:\\s*(\\d+)");
        List<Future<Integer>> reading = new ArrayList<>();
        for (BenchHttp.Phone p : phones) {
            reading.add(pool.submit(() -> {
                Matcher m = field.matcher(p.client().get("/join/s/" + p.token() + "/fields").body());
                while (m.find()) {
                    if (m.group(1).equals(p.questionId())) {
                        return Integer.parseInt(m.group(2));
                    }
                }
                throw new IllegalStateException("phone " + p.n() + ": no version of question " + p.questionId());
            }));
        }
        List<String> lines = new ArrayList<>();
        lines.add("n,token,questionId,version,cookies,csrf");
        for (int i = 0; i < phones.size(); i++) {
            BenchHttp.Phone p = phones.get(i);
            lines.add(p.n() + "," + p.token() + "," + p.questionId() + "," + reading.get(i).get() + ","
                    + Figures.quoted(p.client().cookie) + "," + Figures.quoted(p.client().csrf));
        }
        double joined = (System.nanoTime() - joinStart) / 1e9;
        pool.shutdown();
        java.nio.file.Files.createDirectories(Figures.out());
        java.nio.file.Files.write(Figures.out().resolve("workshop-phones.csv"), lines);
        System.out.printf(Locale.ROOT, "%d participants joined and read their sheet in %.1f s; feeder %s%n",
                participants, joined, Figures.out().resolve("workshop-phones.csv"));

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("session", session.path());
        figures.put("participants", participants);
        figures.put("groups", groups);
        figures.put("questions", a.questions());
        figures.put("join.seconds", String.format(Locale.ROOT, "%.1f", joined));
        JdbcBaseline.Result baseline = JdbcBaseline.fromSystemProperties();
        if (baseline != null) {
            baseline.report(figures);
        }
        Figures.write("workshop-setup", figures);
    }

    /**
     * A session of its own where 60 phones save their fields (each its own, version after version) until {@code saves}
     * saves are done, so the measured load meets a warm server (compiled code, prepared statements, pools filled) as a
     * workshop does after its first minute. The measured session's rows are not touched.
     */
    static void warmUp(BenchHttp web, BenchHttp.Client desk, ExecutorService pool, int saves) throws Exception {
        if (saves <= 0) {
            return;
        }
        long start = System.nanoTime();
        BenchHttp.Session warm = web.openSession(desk, "Warm-up " + LocalDateTime.now().withNano(0), 10, 6);
        List<BenchHttp.Phone> phones = web.joinAll(pool, warm.code(), 60, 10);
        List<Future<Integer>> done = new ArrayList<>();
        for (BenchHttp.Phone p : phones) {
            done.add(pool.submit(() -> {
                int saved = 0;
                for (int version = 0; version < saves / phones.size(); version++) {
                    if (web.save(p, version, "Opvarmning " + version).statusCode() == 200) {
                        saved++;
                    }
                }
                return saved;
            }));
        }
        int saved = 0;
        for (Future<Integer> f : done) {
            saved += f.get();
        }
        desk.post(warm.path() + "/close");
        System.out.printf(Locale.ROOT, "Warm-up: %d saves on a session of its own in %.1f s%n", saved,
                (System.nanoTime() - start) / 1e9);
    }
}
