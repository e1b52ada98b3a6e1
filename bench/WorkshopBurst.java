import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Burst benchmark for workshop group work (not a test; see bench/README.md): against a running application,
 * sets up a session with G groups and Q questions as the secretariat, lets N participants join over HTTP,
 * then all N phones save their answer at the same moment. Prints throughput and p50/p95/p99 latency of the
 * saves, then checks through the live view that every answer was stored.
 *
 *   java -cp target/bench-classes:mariadb-java-client.jar [-Djdbc.url=...] bench/WorkshopBurst.java \
 *        [baseUrl] [user] [password] [participants] [groups] [threads]
 *
 * Defaults: http://localhost:8080 admin $HC_ADMIN_PASSWORD 600 100 64. With -Djdbc.url (the application's
 * database) it measures the JDBC baseline right before the burst and prints the ratio to it.
 */
public class WorkshopBurst {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    static String base;

    /** One browser's state: its session cookie and its CSRF token. */
    static final class Client {
        String cookie = "";
        String csrf = "";

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            remember(r);
            return r;
        }

        HttpResponse<String> post(String path, String... form) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + enc(csrf));
            for (int i = 0; i < form.length; i += 2) {
                body.append('&').append(form[i]).append('=').append(enc(form[i + 1]));
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            remember(r);
            return r;
        }

        void remember(HttpResponse<String> r) {
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.split(";", 2)[0]);
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
    }

    record Phone(Client client, String token, String questionId) { }

    public static void main(String[] args) throws Exception {
        base = arg(args, 0, "http://localhost:8080").replaceAll("/+$", "");
        String user = arg(args, 1, "admin");
        String password = arg(args, 2, System.getenv().getOrDefault("HC_ADMIN_PASSWORD", ""));
        int participants = Integer.parseInt(arg(args, 3, "600"));
        int groups = Integer.parseInt(arg(args, 4, "100"));
        int threads = Integer.parseInt(arg(args, 5, "64"));
        int questions = Math.max(1, (int) Math.ceil(participants / (double) groups));

        Client desk = new Client();
        desk.get("/login");
        HttpResponse<String> login = desk.post("/login", "username", user, "password", password);
        if (!login.headers().firstValue("Location").orElse("").contains("/home")) {
            throw new IllegalStateException("login failed for " + user);
        }
        desk.get("/workshops");
        String title = "Benchmark " + LocalDateTime.now().withNano(0);
        String workshop = location(desk.post("/workshops", "networkId", "sund-by", "title", title));
        desk.get(workshop);
        String deadline = LocalDateTime.now(ZoneId.of("Europe/Copenhagen")).plusHours(2)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String session = location(desk.post(workshop + "/sessions", "title", "Gruppearbejde", "deadline", deadline,
                "groups", String.valueOf(groups)));
        desk.get(session);
        desk.post(session + "/assignments", "title", "Opgave", "intro", "");
        Matcher a = Pattern.compile("id=\"assignment-(\\d+)\"").matcher(desk.get(session).body());
        if (!a.find()) {
            throw new IllegalStateException("no assignment");
        }
        for (int q = 1; q <= questions; q++) {
            desk.post(session + "/assignments/" + a.group(1) + "/questions", "label", "Spørgsmål " + q, "kind", "LONG_TEXT",
                    "options", "", "scaleMin", "1", "scaleMax", "5");
        }
        desk.get(session);
        desk.post(session + "/open");
        Matcher codeMatch = Pattern.compile("class=\"join-code\">([A-Z0-9]{6})<").matcher(desk.get(session + "/projector").body());
        if (!codeMatch.find()) {
            throw new IllegalStateException("session did not open");
        }
        String code = codeMatch.group(1);
        System.out.printf("Session %s open with code %s: %d groups, %d questions%n", session, code, groups, questions);

        // everyone joins (not timed as part of the burst)
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Phone>> joining = new ArrayList<>();
        long joinStart = System.nanoTime();
        for (int i = 0; i < participants; i++) {
            int n = i;
            joining.add(pool.submit(() -> join(code, n, groups)));
        }
        List<Phone> phones = new ArrayList<>();
        for (Future<Phone> f : joining) {
            phones.add(f.get());
        }
        System.out.printf("%d participants joined in %.1f s%n", participants, (System.nanoTime() - joinStart) / 1e9);
        JdbcBaseline.Result baseline = JdbcBaseline.fromSystemProperties();

        // the burst: every phone saves its field at the same moment
        CountDownLatch go = new CountDownLatch(1);
        long[] latencies = new long[participants];
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> saves = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int n = i;
            saves.add(pool.submit(() -> {
                go.await();
                Phone p = phones.get(n);
                long t0 = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/join/s/" + p.token() + "/field"))
                            .header("Cookie", p.client().cookie).header("X-CSRF-TOKEN", p.client().csrf)
                            .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("questionId=" + p.questionId() + "&version=0&value="
                                    + enc("Svar fra deltager " + n))).build(), HttpResponse.BodyHandlers.ofString());
                    outcome = r.statusCode() + (r.body().contains("\"saved\"") ? " saved" : " " + r.body());
                } catch (Exception e) {
                    outcome = "error " + e;
                }
                latencies[n] = System.nanoTime() - t0;
                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        Map<String, Long> countersBefore = JdbcBaseline.counters();
        Jfr.start();
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : saves) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Jfr.stop();
        Map<String, Long> countersAfter = JdbcBaseline.counters();
        pool.shutdown();

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("Burst: %d saves from %d threads in %.2f s = %.0f saves/s%n", participants, threads, seconds,
                participants / seconds);
        System.out.printf("Latency: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", ms(pct(sorted, 50)), ms(pct(sorted, 95)),
                ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
        System.out.println("Outcomes: " + new TreeMap<>(outcomes));
        if (baseline != null) {
            System.out.println("Saves/s = " + baseline.ratio(participants / seconds));
        }
        System.out.println("Database work per save: " + JdbcBaseline.perUnit(countersBefore, countersAfter, participants));

        // every answer stored? count the ticks of the live view
        String live = desk.get(session + "/live/table").body();
        int answered = live.split("class=\"answered\"", -1).length - 1;
        System.out.printf("Live view: %d of %d fields answered%n", answered, Math.min(participants, groups * questions));
        desk.get(session + "/live");
        desk.post(session + "/close");
    }

    static Phone join(String code, int n, int groups) throws Exception {
        Client c = new Client();
        HttpResponse<String> choose = c.get("/join?code=" + code);
        List<String> groupIds = new ArrayList<>();
        Matcher g = Pattern.compile("<input type=\"radio\"[^>]*value=\"(\\d+)\"").matcher(choose.body());
        while (g.find()) {
            groupIds.add(g.group(1));
        }
        if (groupIds.size() != groups) {
            throw new IllegalStateException("join page shows " + groupIds.size() + " groups: " + choose.statusCode());
        }
        String sheet = location(c.post("/join/group", "code", code, "groupId", groupIds.get(n % groups), "name", "",
                "email", ""));
        HttpResponse<String> page = c.get(sheet);
        List<String> questionIds = new ArrayList<>();
        Matcher q = Pattern.compile("<textarea[^>]*data-question=\"(\\d+)\"").matcher(page.body());
        while (q.find()) {
            questionIds.add(q.group(1));
        }
        return new Phone(c, sheet.substring("/join/s/".length()), questionIds.get((n / groups) % questionIds.size()));
    }

    static String location(HttpResponse<String> r) {
        return URI.create(r.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect, got " + r.statusCode()))).getPath();
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
