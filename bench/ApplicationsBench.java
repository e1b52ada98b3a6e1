import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applications benchmark (not a test; see bench/README.md): against a running application, N municipalities
 * apply to Sund By Netværket through /apply at the same moment (the real multipart form with a small real PDF
 * and the CSRF token of the page), then the secretariat and the board drive every application to membership
 * through the engine REST API (review: approve, board: approve). Prints the throughput and p50/p95/p99 of the
 * submits and the time until all N are members, and their ratio to the JDBC baseline measured just before.
 *
 *   java -cp target/bench-classes:mariadb-java-client.jar -Djdbc.url=... bench/ApplicationsBench.java \
 *        baseUrl user password [applications] [threads]
 *
 * With -Dprofile.pid and -Dprofile.file the submits and the drive to membership are recorded with JFR.
 * The user must be the admin or a secretariat of sund-by (it imports the N municipality codes first).
 */
public class ApplicationsBench {

    static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final String NETWORK = "sund-by";
    static String base;
    static String basic;

    /** One browser: its session cookie and CSRF token. */
    static final class Client {
        String cookie = "";
        String csrf = "";

        HttpResponse<String> get(String path) throws Exception {
            return remember(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return remember(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> multipart(String path, Multipart form) throws Exception {
            return remember(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> remember(HttpResponse<String> r) {
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().ifPresent(c -> cookie = c.split(";", 2)[0]);
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }
    }

    /** A multipart/form-data body as a browser sends it. */
    static final class Multipart {
        final String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(out.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Applicant(Client client, String code, String key) { }

    public static void main(String[] args) throws Exception {
        base = arg(args, 0, "http://localhost:8080").replaceAll("/+$", "");
        String user = arg(args, 1, "admin");
        String password = arg(args, 2, System.getenv().getOrDefault("HC_ADMIN_PASSWORD", ""));
        int count = Integer.parseInt(arg(args, 3, "200"));
        int threads = Integer.parseInt(arg(args, 4, "32"));
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        // the N municipalities the network knows, imported by the secretariat (not timed)
        Client desk = new Client();
        desk.get("/login");
        if (!desk.post("/login", "&username=" + enc(user) + "&password=" + enc(password)).headers()
                .firstValue("Location").orElse("").contains("/home")) {
            throw new IllegalStateException("login failed for " + user);
        }
        String run = Long.toString(System.currentTimeMillis() % 46_656_000L, 36).toUpperCase(Locale.ROOT);
        StringBuilder csv = new StringBuilder("code,name,kind\n");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String code = "B" + run + "-" + i;
            codes.add(code);
            csv.append(code).append(",Benchby ").append(run).append(' ').append(i).append(" Kommune,municipality\n");
        }
        desk.get("/network/" + NETWORK + "/possible-members/import");
        HttpResponse<String> imported = desk.multipart("/network/" + NETWORK + "/possible-members/import",
                new Multipart().field("_csrf", desk.csrf).file("file", "bench.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)));
        if (imported.statusCode() >= 400) {
            throw new IllegalStateException("import of municipality codes failed: " + imported.statusCode());
        }
        long membersBefore = membersCreated();
        long waitingBefore = waitingForApplicant();

        // every applicant opens the form (not timed): its session, CSRF token and idempotency key
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Applicant>> opening = new ArrayList<>();
        for (String code : codes) {
            opening.add(pool.submit(() -> {
                Client c = new Client();
                Matcher key = KEY.matcher(c.get("/apply/" + NETWORK).body());
                if (!key.find() || c.csrf.isEmpty()) {
                    throw new IllegalStateException("the application form has no idempotency key or CSRF token");
                }
                return new Applicant(c, code, key.group(1));
            }));
        }
        List<Applicant> applicants = new ArrayList<>();
        for (Future<Applicant> f : opening) {
            applicants.add(f.get());
        }
        JdbcBaseline.Result baseline = JdbcBaseline.fromSystemProperties();

        // the burst: all submit at once
        byte[] pdf = pdf("Tiltraedelse til Sund By Netvaerket");
        CountDownLatch go = new CountDownLatch(1);
        long[] latencies = new long[count];
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<Future<?>> submits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            submits.add(pool.submit(() -> {
                go.await();
                Applicant a = applicants.get(n);
                Multipart form = new Multipart().field("_csrf", a.client().csrf).field("idempotencyKey", a.key())
                        .field("municipalityCode", a.code()).field("population", "43000")
                        .field("politicalContactName", "Birte Ørsted").field("politicalContactEmail", "borgmester@" + a.code() + ".example.org")
                        .field("adminContactName", "Aase Ansøger").field("adminContactEmail", "ansoeger@" + a.code() + ".example.org")
                        .field("coordinatorName", "Karin Koordinator").field("coordinatorEmail", "koordinator@" + a.code() + ".example.org")
                        .field("decisionDate", LocalDate.now().minusDays(7).toString()).field("decisionBody", "Byrådet")
                        .field("accessionSignedByMayor", "true").field("mayorName", "Birte Ørsted")
                        .field("coordinatorJoinsAssembly", "true").field("motivation", "Lighed i sundhed for alle")
                        .field("consent", "true").file("decisionDocument", "tiltraedelse.pdf", "application/pdf", pdf);
                long t0 = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> r = a.client().multipart("/apply/" + NETWORK, form);
                    String location = r.headers().firstValue("Location").orElse("");
                    outcome = r.statusCode() + (location.contains("/apply/received/" + a.key()) ? " received" : " " + location);
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
        for (Future<?> f : submits) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> countersSubmitted = JdbcBaseline.counters();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "Submits: %d applications from %d threads in %.2f s = %.1f submits/s%n", count,
                threads, seconds, count / seconds);
        System.out.printf("Submit latency: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n", ms(pct(sorted, 50)),
                ms(pct(sorted, 95)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
        System.out.println("Outcomes: " + new TreeMap<>(outcomes));
        System.out.println("Database work per submit (with the jobs that ran meanwhile): "
                + JdbcBaseline.perUnit(countersBefore, countersSubmitted, count));
        if (baseline != null) {
            System.out.println("Submits/s = " + baseline.ratio(count / seconds));
        }

        // the secretariat reviews and the board decides, over REST, as soon as each task appears
        Map<String, Boolean> completed = new ConcurrentHashMap<>();
        AtomicInteger failures = new AtomicInteger();
        String today = LocalDate.now().toString();
        long members = 0;
        long waiting = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while ((members = membersCreated() - membersBefore) < count) {
            // an application whose document was not taken waits for the applicant: it cannot become a member here
            waiting = waitingForApplicant() - waitingBefore;
            if (members + waiting >= count) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + members + " of " + count + " members after 30 minutes");
            }
            List<Future<?>> work = new ArrayList<>();
            for (String step : List.of("review", "board")) {
                for (String task : taskIds(step)) {
                    if (completed.putIfAbsent(task, true) != null) {
                        continue;
                    }
                    String variables = step.equals("review")
                            ? "{\"reviewDecision\":{\"value\":\"approve\",\"type\":\"String\"}}"
                            : "{\"boardDecision\":{\"value\":\"approve\",\"type\":\"String\"},"
                                    + "\"boardDecisionDate\":{\"value\":\"" + today + "\",\"type\":\"String\"}}";
                    work.add(pool.submit(() -> {
                        HttpResponse<String> r = rest("POST", "/engine-rest/task/" + task + "/complete",
                                "{\"variables\":" + variables + "}");
                        if (r.statusCode() != 204) {
                            completed.remove(task); // try again on the next round
                            if (failures.incrementAndGet() <= 5) {
                                System.out.println("  complete " + step + " " + task + ": " + r.statusCode() + " " + r.body());
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get();
            }
            if (work.isEmpty()) {
                Thread.sleep(250);
            }
        }
        double untilMembers = (System.nanoTime() - start) / 1e9;
        Jfr.stop();
        System.out.println("Database work per application, submit to member: "
                + JdbcBaseline.perUnit(countersBefore, JdbcBaseline.counters(), count));
        pool.shutdown();
        System.out.printf(Locale.ROOT, "Membership: %d of %d applicants are members %.1f s after the first submit"
                + " (%.2f members/s end to end; %d task completions retried; %d asked for a new document)%n", members,
                count, untilMembers, members / untilMembers, failures.get(), waiting);
        if (baseline != null) {
            System.out.println("End-to-end members/s = " + baseline.ratio(members / untilMembers));
        }
    }

    static long membersCreated() throws Exception {
        HttpResponse<String> r = rest("GET", "/engine-rest/history/activity-instance/count?activityId=createMember"
                + "&finished=true&processDefinitionKey=membership-onboarding&tenantIdIn=" + NETWORK, null);
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("history count: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    static long waitingForApplicant() throws Exception {
        HttpResponse<String> r = rest("GET", "/engine-rest/execution/count?activityId=waitForApplicant"
                + "&processDefinitionKey=membership-onboarding&tenantIdIn=" + NETWORK, null);
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("execution count: " + r.statusCode() + " " + r.body());
        }
        return Long.parseLong(m.group(1));
    }

    static List<String> taskIds(String taskDefinitionKey) throws Exception {
        HttpResponse<String> r = rest("GET", "/engine-rest/task?processDefinitionKey=membership-onboarding"
                + "&taskDefinitionKey=" + taskDefinitionKey + "&tenantIdIn=" + NETWORK + "&maxResults=1000", null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("task list: " + r.statusCode() + " " + r.body());
        }
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static HttpResponse<String> rest(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A small, real one-page PDF with a line of text (the cross-reference table computed, so Tika reads it). */
    static byte[] pdf(String text) {
        String stream = "BT /F1 14 Tf 72 700 Td (" + text + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
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
