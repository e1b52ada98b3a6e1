import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.StringBodyPart;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.BodyPart;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Municipalities applying to Sund By Netværket through /apply all at once (issue 16): {@code atOnceUsers(N)} (200 in
 * bench/run.sh), each opens the form ({@code GET /apply/sund-by}: the CSRF token's cookie HC-CSRF, the token from the
 * page's meta tag and the idempotency key from the form) and submits the real multipart form with a small real PDF
 * as decision document, field by field as bench/ApplicationsBench.java sends it. A submit counts as received when
 * the answer redirects to {@code /apply/received/{key}} (what ApplicationsBench checks), as in a browser, which is
 * not followed here.
 *
 * <p>The municipality codes (imported into the network by {@code ApplicationsBench setup}) come from
 * {@code apply-applicants.csv} and the PDF from {@code apply.pdf}, both in bench.out (target/bench).
 * Settings (system properties): base.url, bench.out, jdbc.url (optional: the server's statement counters before
 * and after, to apply.counters). Writes apply-submits.csv (code, idempotency key, outcome).
 */
public class ApplySimulation extends Simulation {

    static final String NETWORK = "sund-by";
    static final ConcurrentMap<String, String> SUBMITS = new ConcurrentHashMap<>();
    static final ConcurrentMap<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    final Path out = BenchFiles.out();
    final Path feeder = out.resolve("apply-applicants.csv");
    final int applicants = BenchFiles.rows(feeder);
    final byte[] pdf = read(out.resolve("apply.pdf"));
    Map<String, Long> countersBefore = Map.of();

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

    final ScenarioBuilder applicant = scenario("applicant")
            .feed(csv(feeder.toString()).queue())
            .exec(http("apply page").get("/apply/" + NETWORK)
                    .check(status().is(200), css("meta[name='_csrf']", "content").saveAs("csrf"),
                            regex("name=\"idempotencyKey\" value=\"([^\"]+)\"").saveAs("key")))
            .exitHereIfFailed()
            .exec(http("apply submit").post("/apply/" + NETWORK)
                    .bodyParts(form())
                    .check(status().saveAs("httpStatus"), header("Location").saveAs("location"),
                            header("Location").transformWithSession((location, session) ->
                                    location.contains("/apply/received/" + session.getString("key"))).is(true)))
            .exec(session -> {
                String outcome = !session.isFailed() ? "received"
                        : session.contains("httpStatus") ? session.getInt("httpStatus") + " "
                                + (session.contains("location") ? session.getString("location") : "") : "no answer";
                OUTCOMES.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                SUBMITS.put(session.getString("code"), session.getString("key") + "," + outcome.replace(',', ' '));
                return session;
            });

    {
        System.out.printf("APPLY LOAD: %d applicants at once, each GET /apply/%s then the multipart submit with a %d-byte PDF%n",
                applicants, NETWORK, pdf.length);
        setUp(applicant.injectOpen(atOnceUsers(applicants))).protocols(protocol);
    }

    @Override
    public void before() {
        countersBefore = BenchFiles.counters();
    }

    @Override
    public void after() {
        BenchFiles.writeCounters(out.resolve("apply.counters"), countersBefore, BenchFiles.counters());
        List<String> lines = new ArrayList<>();
        lines.add("code,key,outcome");
        SUBMITS.forEach((code, rest) -> lines.add(code + "," + rest));
        BenchFiles.write(out.resolve("apply-submits.csv"), lines);
        Map<String, Integer> outcomes = new TreeMap<>();
        OUTCOMES.forEach((k, v) -> outcomes.put(k, v.get()));
        System.out.println("APPLY OUTCOMES: " + outcomes);
    }
}
