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
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTTP benchmarks share (WorkshopBurst, ApplicationsBench, faults/FaultBurst): browsers with their
 * session cookie and CSRF token against one base URL, the secretariat's set-up of a workshop session, phones
 * joining it and saving a field, and a burst of requests released at the same moment with its latencies and
 * outcomes. Only the JDK, so the fault runs compile it with nothing but the MariaDB driver.
 */
public final class BenchHttp {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    final String base;
    final HttpClient http;
    /** Per request; null = none. */
    final Duration timeout;

    BenchHttp(String base, Duration connectTimeout, Duration requestTimeout) {
        this.base = base.replaceAll("/+$", "");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = requestTimeout;
    }

    /** A new browser with no session yet. */
    Client client() {
        return new Client();
    }

    /** A browser logged in through the login form. */
    Client login(String user, String password) throws Exception {
        Client c = new Client();
        c.get("/login");
        if (!c.post("/login", "username", user, "password", password).headers().firstValue("Location").orElse("")
                .contains("/home")) {
            throw new IllegalStateException("login failed for " + user);
        }
        return c;
    }

    /** One browser's state: its cookies and its CSRF token (volatile: a page's script renews them). */
    final class Client {
        volatile String cookie = "";
        volatile String csrf = "";

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie);
            return timeout == null ? b : b.timeout(timeout);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return remember(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        /** A form post with the CSRF token; form = name, value, name, value, ... */
        HttpResponse<String> post(String path, String... form) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + enc(csrf));
            for (int i = 0; i < form.length; i += 2) {
                body.append('&').append(form[i]).append('=').append(enc(form[i + 1]));
            }
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        HttpResponse<String> remember(HttpResponse<String> r) {
            // the session (after login) and the CSRF token's cookie
            for (String c : r.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('=') + 1);
                cookie = java.util.stream.Stream.concat(java.util.Arrays.stream(cookie.split("; "))
                        .filter(p -> !p.isEmpty() && !p.startsWith(name)), java.util.stream.Stream.of(pair))
                        .collect(java.util.stream.Collectors.joining("; "));
            }
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }
    }

    /** An open workshop session: its path, its id and the join code on the projector. */
    record Session(String path, String id, String code) { }

    /**
     * As the secretariat (desk): a workshop in Sund By Netværket with one session of the given groups, one
     * assignment with the given long-text questions, opened.
     */
    Session openSession(Client desk, String title, int groups, int questions) throws Exception {
        desk.get("/workshops");
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
            desk.post(session + "/assignments/" + a.group(1) + "/questions", "label", "Spørgsmål " + q, "kind",
                    "LONG_TEXT", "options", "", "scaleMin", "1", "scaleMax", "5");
        }
        desk.get(session);
        desk.post(session + "/open");
        Matcher code = Pattern.compile("class=\"join-code\">([A-Z0-9]{6})<").matcher(desk.get(session + "/projector").body());
        if (!code.find()) {
            throw new IllegalStateException("session did not open");
        }
        return new Session(session, session.replaceAll("\\D+", ""), code.group(1));
    }

    /** Phone n: its browser, its sheet's token and the question whose field it fills. */
    /** The workshop programs' arguments: baseUrl user password [participants] [groups] [threads]. */
    record WorkshopArgs(BenchHttp web, String user, String password, int participants, int groups, int threads) {
        static WorkshopArgs of(String[] args, int defaultThreads) {
            return new WorkshopArgs(new BenchHttp(arg(args, 0, "http://localhost:8080"), Duration.ofSeconds(30), null),
                    arg(args, 1, "admin"), arg(args, 2, System.getenv().getOrDefault("HC_ADMIN_PASSWORD", "")),
                    Integer.parseInt(arg(args, 3, "600")), Integer.parseInt(arg(args, 4, "100")),
                    Integer.parseInt(arg(args, 5, String.valueOf(defaultThreads))));
        }

        /** The secretariat logged in. */
        Client login() throws Exception {
            return web.login(user, password);
        }

        /** A session of these groups with one question per phone of a group, opened by the secretariat. */
        Session openSession(Client desk, String title) throws Exception {
            Session session = web.openSession(desk, title, groups, questions());
            System.out.printf("Session %s open with code %s: %d groups, %d questions%n", session.path(),
                    session.code(), groups, questions());
            return session;
        }

        /** Questions per group, so that every phone has a field of its own. */
        int questions() {
            return Math.max(1, (int) Math.ceil(participants / (double) groups));
        }
    }

    record Phone(int n, Client client, String token, String questionId) { }

    /** All phones join from the pool, phone n in group n % groups. */
    List<Phone> joinAll(ExecutorService pool, String code, int participants, int groups) throws Exception {
        List<Future<Phone>> joining = new ArrayList<>();
        for (int i = 0; i < participants; i++) {
            int n = i;
            joining.add(pool.submit(() -> join(code, n, groups)));
        }
        List<Phone> phones = new ArrayList<>();
        for (Future<Phone> f : joining) {
            phones.add(f.get());
        }
        return phones;
    }

    Phone join(String code, int n, int groups) throws Exception {
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
        return new Phone(n, c, sheet.substring("/join/s/".length()), questionIds.get((n / groups) % questionIds.size()));
    }

    /** The phone's field save as the sheet's script sends it (the response does not renew cookie or token). */
    HttpResponse<String> save(Phone p, int version, String value) throws Exception {
        return http.send(p.client().request("/join/s/" + p.token() + "/field").header("X-CSRF-TOKEN", p.client().csrf)
                .header("Accept", "application/json").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("questionId=" + p.questionId() + "&version=" + version
                        + "&value=" + enc(value))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many requests ended how ("200 saved", "error ..."). */
    static final class Outcomes {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        void count(String outcome) {
            counts.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String toString() {
            return new TreeMap<>(counts).toString();
        }
    }

    /** Request n of a burst; returns its outcome. */
    interface Request {
        String send(int n) throws Exception;
    }

    /**
     * N requests queued on a pool, all waiting for {@link #release()}: each timed, its outcome counted (an
     * exception counts as "error ...").
     */
    static final class Burst {
        final long[] latencies;
        final Outcomes outcomes = new Outcomes();
        final CountDownLatch go = new CountDownLatch(1);
        final List<Future<?>> requests = new ArrayList<>();
        long start;

        Burst(ExecutorService pool, int count, Request request) {
            latencies = new long[count];
            for (int i = 0; i < count; i++) {
                int n = i;
                requests.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = request.send(n);
                    } catch (Exception e) {
                        outcome = "error " + e;
                    }
                    latencies[n] = System.nanoTime() - t0;
                    outcomes.count(outcome);
                    return null;
                }));
            }
        }

        /** Releases all requests at once and waits for them; returns the seconds they took. */
        double release() throws Exception {
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : requests) {
                f.get();
            }
            return (System.nanoTime() - start) / 1e9;
        }

        /** "label: p50 .. ms, p95, p99, max" and the outcomes. */
        void print(String label) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf("%s: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", label, ms(pct(sorted, 50)),
                    ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
            System.out.println("Outcomes: " + outcomes);
        }
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }

    static String location(HttpResponse<String> r) {
        return URI.create(r.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("expected a redirect, got " + r.statusCode()))).getPath();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }
}
