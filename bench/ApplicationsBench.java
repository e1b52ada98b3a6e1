import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 *   java -cp target/bench-classes:$(cat target/bench-classpath.txt) -Djdbc.url=... ApplicationsBench \
 *        baseUrl user password [applications] [threads]
 *
 * With -Dprofile.pid and -Dprofile.file the submits and the drive to membership are recorded with JFR.
 * The user must be the admin or a secretariat of sund-by (it imports the N municipality codes first).
 *
 * <p>With -Dsetup.only=true it is the set-up of the Gatling load (bench/gatling ApplySimulation) and stops after
 * the import: it writes the N codes to apply-applicants.csv and the PDF to apply.pdf in -Dbench.out
 * (target/bench), measures the JDBC baseline (with -Djdbc.url) and writes applications-setup.figures.
 */
public class ApplicationsBench {

    static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
    static final String NETWORK = "sund-by";
    static BenchHttp web;
    static String basic;

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

    /** A browser's multipart post (the real form with its file). */
    static HttpResponse<String> multipart(BenchHttp.Client c, String path, Multipart form) throws Exception {
        return c.send(c.request(path).header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())));
    }

    record Applicant(BenchHttp.Client client, String code, String key) { }

    public static void main(String[] args) throws Exception {
        web = new BenchHttp(BenchHttp.arg(args, 0, "http://localhost:8080"), Duration.ofSeconds(30), null);
        String user = BenchHttp.arg(args, 1, "admin");
        String password = BenchHttp.arg(args, 2, System.getenv().getOrDefault("HC_ADMIN_PASSWORD", ""));
        int count = Integer.parseInt(BenchHttp.arg(args, 3, "200"));
        // the Gatling set-up imports the warm-up applicants' codes too (ApplySimulation sends them first)
        int warmup = Boolean.getBoolean("setup.only") ? Integer.getInteger("warmup", 0) : 0;
        int threads = Integer.parseInt(BenchHttp.arg(args, 4, "32"));
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));

        // the N municipalities the network knows, imported by the secretariat (not timed)
        BenchHttp.Client desk = web.login(user, password);
        String run = Long.toString(System.currentTimeMillis() % 46_656_000L, 36).toUpperCase(Locale.ROOT);
        StringBuilder csv = new StringBuilder("code,name,kind\n");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count + warmup; i++) {
            String code = "B" + run + "-" + i;
            codes.add(code);
            csv.append(code).append(",Benchby ").append(run).append(' ').append(i).append(" Kommune,municipality\n");
        }
        desk.get("/network/" + NETWORK + "/possible-members/import");
        HttpResponse<String> imported = multipart(desk, "/network/" + NETWORK + "/possible-members/import",
                new Multipart().field("_csrf", desk.csrf).file("file", "bench.csv", "text/csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8)));
        if (imported.statusCode() >= 400) {
            throw new IllegalStateException("import of municipality codes failed: " + imported.statusCode());
        }
        if (Boolean.getBoolean("setup.only")) {
            setupOnly(codes.subList(warmup, codes.size()), codes.subList(0, warmup));
            return;
        }
        long membersBefore = membersCreated();
        long waitingBefore = waitingForApplicant();

        // every applicant opens the form (not timed): its session, CSRF token and idempotency key
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Applicant>> opening = new ArrayList<>();
        for (String code : codes) {
            opening.add(pool.submit(() -> {
                BenchHttp.Client c = web.client();
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

        // the forms as the applicants filled them in (not timed), then the burst: all submit at once
        byte[] pdf = pdf("Tiltraedelse til Sund By Netvaerket");
        List<Multipart> forms = new ArrayList<>();
        for (Applicant a : applicants) {
            forms.add(new Multipart().field("_csrf", a.client().csrf).field("idempotencyKey", a.key())
                    .field("f.municipalityCode", a.code()).field("f.population", "43000")
                    .field("f.politicalContactName", "Birte Ørsted").field("f.politicalContactEmail", "borgmester@" + a.code() + ".example.org")
                    .field("f.adminContactName", "Aase Ansøger").field("f.adminContactEmail", "ansoeger@" + a.code() + ".example.org")
                    .field("f.coordinatorName", "Karin Koordinator").field("f.coordinatorEmail", "koordinator@" + a.code() + ".example.org")
                    .field("f.decisionDate", LocalDate.now().minusDays(7).toString()).field("f.decisionBody", "Byrådet")
                    .field("f.accessionSignedByMayor", "true").field("f.mayorName", "Birte Ørsted")
                    .field("f.coordinatorJoinsAssembly", "true").field("f.motivation", "Lighed i sundhed for alle")
                    .field("f.consent", "true").file("decisionDocument", "tiltraedelse.pdf", "application/pdf", pdf));
    }
        BenchHttp.Burst burst = new BenchHttp.Burst(pool, count, n -> {
            Applicant a = applicants.get(n);
            HttpResponse<String> r = multipart(a.client(), "/apply/" + NETWORK, forms.get(n));
            String location = r.headers().firstValue("Location").orElse("");
            return r.statusCode() + (location.contains("/apply/received/" + a.key()) ? " received" : " " + location);
        });
        Map<String, Long> countersBefore = JdbcBaseline.counters();
        Jfr.start();
        double seconds = burst.release();
        long start = burst.start;
        Map<String, Long> countersSubmitted = JdbcBaseline.counters();
        System.out.printf(Locale.ROOT, "Submits: %d applications from %d threads in %.2f s = %.1f submits/s%n", count,
                threads, seconds, count / seconds);
        burst.print("Submit latency");
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

    /**
     * The set-up of the Gatling load: the feeders (one imported code a line: the measured applicants, and the
     * warm-up's in apply-warmup.csv), the PDF, the baseline.
     */
    static void setupOnly(List<String> codes, List<String> warmupCodes) throws Exception {
        java.nio.file.Path out = Figures.out();
        java.nio.file.Files.createDirectories(out);
        List<String> lines = new ArrayList<>();
        lines.add("code");
        lines.addAll(codes);
        java.nio.file.Files.write(out.resolve("apply-applicants.csv"), lines);
        List<String> warmupLines = new ArrayList<>();
        warmupLines.add("code");
        warmupLines.addAll(warmupCodes);
        java.nio.file.Files.write(out.resolve("apply-warmup.csv"), warmupLines);
        java.nio.file.Files.write(out.resolve("apply.pdf"), pdf("Tiltraedelse til Sund By Netvaerket"));
        System.out.printf("%d municipality codes imported into %s; feeder %s%n", codes.size(), NETWORK,
                out.resolve("apply-applicants.csv"));
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("applicants", codes.size());
        figures.put("warmup", warmupCodes.size());
        JdbcBaseline.Result baseline = JdbcBaseline.fromSystemProperties();
        if (baseline != null) {
            baseline.report(figures);
        }
        Figures.write("applications-setup", figures);
    }

    static long membersCreated() throws Exception {
        return count("/engine-rest/history/activity-instance/count?activityId=createMember&finished=true");
    }

    static long waitingForApplicant() throws Exception {
        return count("/engine-rest/execution/count?activityId=waitForApplicant");
    }

    /** An engine REST count (query = path and its first parameters) of the network's onboarding processes. */
    static long count(String query) throws Exception {
        HttpResponse<String> r = rest("GET", query + "&processDefinitionKey=membership-onboarding&tenantIdIn="
                + NETWORK, null);
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("count " + query + ": " + r.statusCode() + " " + r.body());
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
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(web.base + path)).header("Authorization", basic)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return web.http.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
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
}
