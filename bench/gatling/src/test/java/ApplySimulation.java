import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.BodyPart;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Municipalities applying to Sund By Netværket through /apply all at once (issue 16). After a warm-up of other
 * applicants (apply-warmup.csv, WARMUP_RATE a second: the server has taken applications before, as on a deadline's
 * day) and a pause, the N applicants (200 in bench/run.sh) open the form over OPEN_SECONDS ({@code GET
 * /apply/sund-by}: the CSRF token's cookie HC-CSRF, the token from the page's meta tag and the idempotency key from
 * the form) and all send it at the same moment, SUBMIT_SECONDS after the first opened it: the real multipart form
 * with a small real PDF as decision document, field by field as bench/ApplicationsBench.java sends it. A submit
 * counts as received when the answer redirects to {@code /apply/received/{key}} (what ApplicationsBench checks), as
 * in a browser, which is not followed here. "apply submit" in the report is the burst's submits alone.
 *
 * <p>The municipality codes (imported into the network by {@code ApplicationsBench setup}) come from
 * {@code apply-applicants.csv} and the PDF from {@code apply.pdf}, both in bench.out (target/bench).
 * Settings (system properties): base.url, bench.out, jdbc.url (optional: the server's statement counters before
 * and after the submits, to apply.counters). Writes apply-submits.csv (code, idempotency key, outcome) and
 * apply-window.figures (late: submits whose form opened too late to be sent with the others).
 */
public class ApplySimulation extends Simulation {

    static final String NETWORK = "sund-by";
    static final ConcurrentMap<String, String> SUBMITS = new ConcurrentHashMap<>();
    static final ConcurrentMap<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    final Path out = BenchFiles.out();
    final Path feeder = out.resolve("apply-applicants.csv");
    final int applicants = BenchFiles.rows(feeder);
    /** Applicants sent before the burst, at WARMUP_RATE a second (ApplicationsBench set-up's -Dwarmup codes). */
    final Path warmupFeeder = out.resolve("apply-warmup.csv");
    final int warmup = Files.exists(warmupFeeder) ? BenchFiles.rows(warmupFeeder) : 0;
    static final int WARMUP_RATE = 10;
    /** Seconds between the warm-up's last applicant and the burst: the warm-up's process jobs end meanwhile. */
    static final int PAUSE_SECONDS = 10;
    final byte[] pdf = read(out.resolve("apply.pdf"));
    static final AtomicBoolean BURST_STARTED = new AtomicBoolean();
    /** When the burst's applicants submit: SUBMIT_SECONDS after the first of them opened the form. */
    static final AtomicLong SUBMIT_AT = new AtomicLong();
    static final AtomicInteger LATE = new AtomicInteger();
    /** The burst's applicants open their forms over OPEN_SECONDS, and submit together SUBMIT_SECONDS after the first. */
    static final int OPEN_SECONDS = 10;
    static final int SUBMIT_SECONDS = 20;
    volatile Map<String, Long> countersBefore = Map.of();
    volatile Map<String, Long> cpuBefore = Map.of();

    final HttpProtocolBuilder protocol = http.baseUrl(BenchFiles.setting("base.url", "http://localhost:18080"))
            .acceptHeader("text/html,application/xhtml+xml")
            .disableFollowRedirect()
            .disableWarmUp();

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + file + " (run ApplicationsBench setup first)", e);
        }
    }

    /** A form field (the application's fields are named f.key, as forms/membership-application.form describes them). */
    static BodyPart field(String name, String value) {
        return StringBodyPart(name, value);
    }

    List<BodyPart> form() {
        String decided = LocalDate.now().minusDays(7).toString();
        return List.of(
                field("_csrf", "#{csrf}"), field("idempotencyKey", "#{key}"), field("f.municipalityCode", "#{code}"),
                field("f.population", "43000"),
                field("f.politicalContactName", "Birte Ørsted"), field("f.politicalContactEmail", "borgmester@#{code}.example.org"),
                field("f.adminContactName", "Aase Ansøger"), field("f.adminContactEmail", "ansoeger@#{code}.example.org"),
                field("f.coordinatorName", "Karin Koordinator"), field("f.coordinatorEmail", "koordinator@#{code}.example.org"),
                field("f.decisionDate", decided), field("f.decisionBody", "Byrådet"),
                field("f.accessionSignedByMayor", "true"), field("f.mayorName", "Birte Ørsted"),
                field("f.coordinatorJoinsAssembly", "true"), field("f.motivation", "Lighed i sundhed for alle"),
                field("f.consent", "true"),
                ByteArrayBodyPart("decisionDocument", session -> pdf).fileName("tiltraedelse.pdf")
                        .contentType("application/pdf"));
    }

    /**
     * One applicant: the form page, then the submit. The warm-up's requests are named "warm-up page" and "warm-up
     * submit", so the report's "apply page" and "apply submit" are the measured burst's alone.
     */
    ScenarioBuilder applicants(String name, Path codes, String page, String submit, boolean measured) {
        return scenario(name)
                .feed(csv(codes.toString()).queue())
                .exec(session -> {
                    if (measured) {
                        SUBMIT_AT.compareAndSet(0, System.currentTimeMillis() + SUBMIT_SECONDS * 1000L);
                    }
                    return session;
                })
                .exec(http(page).get("/apply/" + NETWORK)
                        .check(status().is(200), css("meta[name='_csrf']", "content").saveAs("csrf"),
                                regex("name=\"idempotencyKey\" value=\"([^\"]+)\"").saveAs("key")))
                .exitHereIfFailed()
                // the burst's applicants have their forms open and all press "send" at the same moment
                .pause(session -> Duration.ofMillis(measured ? Math.max(0, SUBMIT_AT.get() - System.currentTimeMillis()) : 0))
                .exec(session -> {
                    if (measured && BURST_STARTED.compareAndSet(false, true)) {
                        countersBefore = BenchFiles.counters(); // once: the counts per applicant are the submits' own
                        cpuBefore = BenchFiles.cpu();
                    }
                    if (measured && System.currentTimeMillis() > SUBMIT_AT.get() + 1000) {
                        LATE.incrementAndGet(); // its page came too late to submit with the others
                    }
                    return session;
                })
                .exec(http(submit).post("/apply/" + NETWORK)
                        .bodyParts(form())
                        .check(status().saveAs("httpStatus"), header("Location").saveAs("location"),
                                header("Location").transformWithSession((location, session) ->
                                        location.contains("/apply/received/" + session.getString("key"))).is(true)))
                .exec(session -> {
                    if (!measured) {
                        return session;
                    }
                    String outcome = !session.isFailed() ? "received"
                            : session.contains("httpStatus") ? session.getInt("httpStatus") + " "
                                    + (session.contains("location") ? session.getString("location") : "") : "no answer";
                    OUTCOMES.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                    SUBMITS.put(session.getString("code"), session.getString("key") + "," + outcome.replace(',', ' '));
                    return session;
                });
    }

    {
        System.out.printf("APPLY LOAD: %d warm-up applicants (%d a second), a pause of %d s, then %d applicants open"
                        + " GET /apply/%s over %d s and all send the multipart form with a %d-byte PDF %d s after the"
                        + " first opened it%n", warmup, WARMUP_RATE, PAUSE_SECONDS, applicants, NETWORK, OPEN_SECONDS,
                pdf.length, SUBMIT_SECONDS);
        PopulationBuilder burst = applicants("applicant", feeder, "apply page", "apply submit", true)
                .injectOpen(nothingFor(Duration.ofSeconds(warmup > 0 ? PAUSE_SECONDS : 0)),
                        rampUsers(applicants).during(Duration.ofSeconds(OPEN_SECONDS)));
        // a server that has taken applications before (the JIT has compiled the path), as on a deadline's day
        setUp(warmup > 0 ? applicants("warm-up", warmupFeeder, "warm-up page", "warm-up submit", false)
                .injectOpen(rampUsers(warmup).during(Duration.ofSeconds(Math.max(1, warmup / WARMUP_RATE))))
                .andThen(burst) : burst).protocols(protocol);
    }

    @Override
    public void before() {
        countersBefore = BenchFiles.counters(); // replaced when the burst starts
        cpuBefore = BenchFiles.cpu();
    }

    /**
     * The CPU time once the application is quiet again (under 5 % of a core for a second, at most a minute): the jobs
     * the submits made (receipts, checks, fees) count whole, however many of them ran during the burst.
     */
    static Map<String, Long> cpuWhenQuiet() {
        Map<String, Long> cpu = BenchFiles.cpu();
        for (int second = 0; second < 60 && cpu.containsKey("app"); second++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Map<String, Long> next = BenchFiles.cpu();
            boolean quiet = next.getOrDefault("app", 0L) - cpu.get("app") < 50;
            cpu = next;
            if (quiet) {
                break;
            }
        }
        return cpu;
    }

    @Override
    public void after() {
        BenchFiles.writeCounters(out.resolve("apply.counters"), countersBefore, BenchFiles.counters());
        BenchFiles.writeCounters(out.resolve("apply.cpu"), cpuBefore, cpuWhenQuiet());
        List<String> lines = new ArrayList<>();
        lines.add("code,key,outcome");
        SUBMITS.forEach((code, rest) -> lines.add(code + "," + rest));
        BenchFiles.write(out.resolve("apply-submits.csv"), lines);
        Map<String, Integer> outcomes = new TreeMap<>();
        OUTCOMES.forEach((k, v) -> outcomes.put(k, v.get()));
        System.out.println("APPLY OUTCOMES: " + outcomes + "; submitted late (form opened too late): " + LATE.get());
        BenchFiles.write(out.resolve("apply-window.figures"), List.of("late=" + LATE.get()));
    }
}
