import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Burst benchmark for workshop group work (not a test; see bench/README.md): against a running application,
 * sets up a session with G groups and Q questions as the secretariat, lets N participants join over HTTP,
 * then all N phones save their answer at the same moment. Prints throughput and p50/p95/p99 latency of the
 * saves, then checks through the live view that every answer was stored.
 *
 *   java -cp target/bench-classes:$(cat target/bench-classpath.txt) [-Djdbc.url=...] WorkshopBurst \
 *        [baseUrl] [user] [password] [participants] [groups] [threads]
 *
 * (bench/run.sh compiles target/bench-classes.) Defaults: http://localhost:8080 admin $HC_ADMIN_PASSWORD 600
 * 100 64. With -Djdbc.url (the application's database) it measures the JDBC baseline right before the burst
 * and prints the ratio to it.
 */
public class WorkshopBurst {

    public static void main(String[] args) throws Exception {
        BenchHttp.WorkshopArgs a = BenchHttp.WorkshopArgs.of(args, 64);
        BenchHttp web = a.web();
        int participants = a.participants();
        int groups = a.groups();

        BenchHttp.Client desk = a.login();
        BenchHttp.Session session = a.openSession(desk, "Benchmark " + LocalDateTime.now().withNano(0));

        // everyone joins (not timed as part of the burst)
        ExecutorService pool = Executors.newFixedThreadPool(a.threads());
        long joinStart = System.nanoTime();
        List<BenchHttp.Phone> phones = web.joinAll(pool, session.code(), participants, groups);
        System.out.printf("%d participants joined in %.1f s%n", participants, (System.nanoTime() - joinStart) / 1e9);
        JdbcBaseline.Result baseline = JdbcBaseline.fromSystemProperties();

        // the burst: every phone saves its field at the same moment
        BenchHttp.Burst burst = new BenchHttp.Burst(pool, participants, n -> {
            HttpResponse<String> r = web.save(phones.get(n), 0, "Svar fra deltager " + n);
            return r.statusCode() + (r.body().contains("\"saved\"") ? " saved" : " " + r.body());
        });
        Map<String, Long> countersBefore = JdbcBaseline.counters();
        Jfr.start();
        double seconds = burst.release();
        Jfr.stop();
        Map<String, Long> countersAfter = JdbcBaseline.counters();
        pool.shutdown();

        System.out.printf("Burst: %d saves from %d threads in %.2f s = %.0f saves/s%n", participants, a.threads(), seconds,
                participants / seconds);
        burst.print("Latency");
        if (baseline != null) {
            System.out.println("Saves/s = " + baseline.ratio(participants / seconds));
        }
        System.out.println("Database work per save: " + JdbcBaseline.perUnit(countersBefore, countersAfter, participants));

        // every answer stored? count the ticks of the live view
        String live = desk.get(session.path() + "/live/table").body();
        int answered = live.split("class=\"answered\"", -1).length - 1;
        System.out.printf("Live view: %d of %d fields answered%n", answered, Math.min(participants, groups * a.questions()));
        desk.get(session.path() + "/live");
        desk.post(session.path() + "/close");
    }
}
