import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workshop burst under a fault (see bench/faults/README.md): N phones join a session (as in
 * bench/WorkshopBurst.java), then each saves its field R times in a row ("p17 r3" = phone 17, round 3),
 * retrying on any failure as the page's script does, while the calling script kills the application or stops
 * the database (it waits for the file named by the last argument, written when the burst starts). The
 * phones keep their cookies: their web sessions are in the database, so they survive a restart. At the
 * end it reads the database directly and counts, per phone: the last round the application acknowledged
 * (HTTP 200 "saved") and the round stored. Lost = stored round older than the acknowledged one (or none);
 * duplicated = more than one answer row holding the phone's text. Then it closes the session over HTTP and
 * waits for the workshop process to reach its consolidation task, to show the processes go on.
 *
 *   java -cp target/faults/classes:mariadb-java-client.jar FaultBurst baseUrl jdbcUrl password participants groups
 *        threads rounds startedFile
 *
 * (compiled with bench/BenchHttp.java by faults_java in bench/faults/lib.sh)
 */
public class FaultBurst {

    static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

    static final AtomicLong sent = new AtomicLong();
    static final AtomicLong acknowledged = new AtomicLong();
    static final BenchHttp.Outcomes outcomes = new BenchHttp.Outcomes();

    public static void main(String[] args) throws Exception {
        BenchHttp web = new BenchHttp(args[0], Duration.ofSeconds(5), Duration.ofSeconds(60));
        String jdbc = args[1];
        String password = args[2];
        int participants = Integer.parseInt(args[3]);
        int groups = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int rounds = Integer.parseInt(args[6]);
        Path started = Path.of(args[7]);
        int questions = Math.max(1, (int) Math.ceil(participants / (double) groups));

        BenchHttp.Client desk = web.login("admin", password);
        BenchHttp.Session opened = web.openSession(desk, "Fault run " + LocalDateTime.now().withNano(0), groups,
                questions);
        String session = opened.path();
        String sessionId = opened.id();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<BenchHttp.Phone> phones = web.joinAll(pool, opened.code(), participants, groups);
        System.out.printf("Session %s: %d phones joined, %d rounds of saves each%n", sessionId, participants, rounds);

        int[] ackedRound = new int[participants];
        long deadlineNanos = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        Files.writeString(started, "burst running\n"); // the calling script injects its fault from now on
        for (BenchHttp.Phone p : phones) {
            running.add(pool.submit(() -> {
                int version = 0;
                for (int round = 1; round <= rounds; round++) {
                    while (System.nanoTime() < deadlineNanos) {
                        sent.incrementAndGet();
                        String outcome;
                        try {
                            HttpResponse<String> r = web.save(p, version, "p" + p.n() + " r" + round);
                            p.client().remember(r);
                            outcome = String.valueOf(r.statusCode());
                            if (r.statusCode() == 200 && !r.body().contains("\"saved\"")) {
                                outcome += " " + r.body().substring(0, Math.min(80, r.body().length()))
                                        .replaceAll("\\s+", " ");
                            }
                            Matcher v = VERSION.matcher(r.body());
                            if (r.statusCode() == 200 && r.body().contains("\"saved\"") && v.find()) {
                                version = Integer.parseInt(v.group(1));
                                ackedRound[p.n()] = round;
                                acknowledged.incrementAndGet();
                                outcomes.count(outcome + " saved");
                                break;
                            }
                            if (r.statusCode() == 409 && v.find()) {
                                // an earlier attempt was stored though its answer never came: go on from it
                                version = Integer.parseInt(v.group(1));
                            }
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        outcomes.count(outcome);
                        Thread.sleep(500); // the page's script retries too
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("Saves: %d requests sent, %d acknowledged in %.1f s; outcomes %s%n", sent.get(),
                acknowledged.get(), (System.nanoTime() - start) / 1e9, outcomes);

        int lost = 0;
        int duplicated = 0;
        int stored = 0;
        int newerThanAck = 0;
        try (Connection db = DriverManager.getConnection(jdbc, "root", "")) {
            PreparedStatement q = db.prepareStatement("SELECT a.value FROM workshop_answer a JOIN workshop_sheet s"
                    + " ON s.id = a.sheet_id WHERE s.session_id = ? AND a.value IS NOT NULL AND a.value <> ''");
            q.setLong(1, Long.parseLong(sessionId));
            Map<Integer, List<Integer>> storedRounds = new TreeMap<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Matcher m = Pattern.compile("p(\\d+) r(\\d+)").matcher(r.getString(1));
                    if (m.matches()) {
                        storedRounds.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                                .add(Integer.parseInt(m.group(2)));
                    }
                }
            }
            for (int n = 0; n < participants; n++) {
                List<Integer> rows = storedRounds.getOrDefault(n, List.of());
                if (rows.size() > 1) {
                    duplicated++;
                }
                if (!rows.isEmpty()) {
                    stored++;
                }
                int best = rows.stream().mapToInt(Integer::intValue).max().orElse(0);
                if (ackedRound[n] > 0 && best < ackedRound[n]) {
                    lost++;
                    System.out.printf("LOST: phone %d acknowledged round %d, stored %s%n", n, ackedRound[n], rows);
                }
                if (best > ackedRound[n]) {
                    newerThanAck++;
                }
            }
            int unfinished = 0;
            for (int n = 0; n < participants; n++) {
                unfinished += ackedRound[n] < rounds ? 1 : 0;
            }
            System.out.printf("RESULT phones=%d sent=%d acknowledged=%d stored=%d lost=%d duplicated=%d "
                            + "stored-newer-than-acknowledged=%d phones-not-finished=%d%n", participants, sent.get(),
                    acknowledged.get(), stored, lost, duplicated, newerThanAck, unfinished);

            // the processes go on: close the session, the process must reach the consolidation task
            desk.get(session + "/live");
            HttpResponse<String> closed = desk.post(session + "/close");
            long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            long tasks = 0;
            PreparedStatement t = db.prepareStatement("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RE_PROCDEF d ON"
                    + " d.ID_ = t.PROC_DEF_ID_ JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ WHERE d.KEY_ ="
                    + " 'workshop-group-work' AND e.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = 'consolidate'");
            t.setString(1, sessionId);
            while (tasks == 0 && System.nanoTime() < until) {
                try (ResultSet r = t.executeQuery()) {
                    r.next();
                    tasks = r.getLong(1);
                }
                if (tasks == 0) {
                    Thread.sleep(1000);
                }
            }
            System.out.printf("PROCESS close answered %d; consolidation task reached: %s%n", closed.statusCode(),
                    tasks == 1 ? "yes" : "NO (" + tasks + ")");
            System.exit(lost == 0 && duplicated == 0 && tasks == 1 && unfinished == 0 ? 0 : 1);
        }
    }
}
