import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workshop's group work as the phones do it, in an open model (issue 16): every phone saves its own field of
 * its group's sheet every few seconds, for a minute. With the defaults (600 phones of bench/WorkshopSetup.java in
 * 100 groups, a save every 3 s for 60 s) that offers 200 saves/s.
 *
 * <p>The save is what the sheet's script sends ({@code src/main/resources/static/js/workshop.js}, as
 * BenchHttp.save reproduces it): {@code POST /join/s/{token}/field} with questionId, version (the one the phone
 * last got back) and value, the header X-CSRF-TOKEN with the page's token, Accept: application/json, and the
 * phone's cookies (the CSRF token's cookie HC-CSRF: an anonymous phone has no web session). The answer is
 * {@code {"status":"saved","version":n}} (200), or 409 conflict, 410 closed, 422 invalid: only 200 "saved" counts as
 * a success; its version is the base of the phone's next save.
 *
 * <p><b>Why each virtual user is one phone with {@code repeat} and {@code pace}, injected with
 * {@code rampUsers(phones).during(pace)}, and not {@code constantUsersPerSec(200)} of one save each:</b> a phone's
 * saves of its field are sequential: the script keeps one save in flight per field and sends the next with the
 * version the last one returned. A virtual user per save could send two saves of the same phone at once with the
 * same version: the second would be a conflict (409) that the real page never causes, and the chain of versions the
 * check after the load relies on (every successful save stored once, the last text in the field) would break.
 * Starting the phones evenly over one pace interval (600 phones over 3 s) spreads their saves evenly, so 200 saves
 * start every second for the whole minute: the same arrival rate as {@code constantUsersPerSec(200)}, independent
 * of the server's answers as long as a save takes less than the pace. A save slower than the pace delays that
 * phone's next one (pace does not queue), as on a real phone; then fewer saves than offered are sent, which the
 * figures show as the achieved rate (count / duration) below the offered one.
 *
 * <p>Settings (system properties): base.url, bench.out (target/bench: workshop-phones.csv is read from there,
 * workshop-saves.csv and workshop.counters written), duration (seconds, 60), pace (seconds, 3), jdbc.url
 * (optional: the server's statement counters before and after the load).
 *
 * <p>Each phone first opens its sheet ({@code GET /join/s/{token}/fields}, the request "open", as the page does when
 * it loads) and starts saving {@link #OPEN_SECONDS} later, so the saves meet open connections and a load generator
 * that has run already; the figures are those of the requests named "save" only, the achieved rate their count over
 * the duration.
 *
 * <p>Not covered: the phones' reading of the sheet every 2 s ({@code GET /join/s/{token}/fields}) and the
 * secretariat's live view.
 */
public class WorkshopSimulation extends Simulation {

    /** What one phone got: saves that succeeded and failed, its last saved text and version. */
    static final class PhoneLog {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        volatile String lastText = "";
        volatile int lastVersion;
    }

    /** From a phone's opening of its sheet to its first save. */
    static final int OPEN_SECONDS = 5;

    static final ConcurrentMap<String, PhoneLog> PHONES = new ConcurrentHashMap<>();
    /** When the first save was sent and the last one answered (ms): the window the achieved rate is counted over. */
    static final AtomicLong FIRST_SAVE = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong LAST_ANSWER = new AtomicLong();
    static final ConcurrentMap<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

    final Path out = BenchFiles.out();
    final Path feeder = out.resolve("workshop-phones.csv");
    final int phones = BenchFiles.rows(feeder);
    final int duration = BenchFiles.setting("duration", 60);
    final int paceSeconds = BenchFiles.setting("pace", 3);
    final int saves = Math.max(1, duration / paceSeconds);
    /** The server's statement counters when the first save is sent: the phones' openings are done by then. */
    volatile Map<String, Long> countersBefore = Map.of();
    volatile Map<String, Long> cpuBefore = Map.of();

    final HttpProtocolBuilder protocol = http.baseUrl(BenchFiles.setting("base.url", "http://localhost:18080"))
            .acceptHeader("application/json")
            .disableFollowRedirect()
            .disableWarmUp();

    /** The phone's cookies from the set-up ("name=value; name=value"), put in its cookie jar. */
    static Session cookies(Session session) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String pair : session.getString("cookies").split(";\\s*")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                names.add(pair.substring(0, eq));
                values.add(pair.substring(eq + 1));
            }
        }
        return session.set("cookieNames", names).set("cookieValues", values);
    }

    /** The text a person has typed by save k: it grows, as a field being written does (at most ~2,000 characters). */
    static String text(int phone, int k) {
        StringBuilder s = new StringBuilder("Telefon ").append(phone).append(" gem ").append(k).append(": ");
        for (int i = 1; i <= Math.min(k, 40); i++) {
            s.append("Vi vil styrke sundheden i lokalsamfundet gennem samarbejde ").append(i).append(". ");
        }
        return s.toString();
    }

    final ChainBuilder save = exec(session -> {
                if (FIRST_SAVE.compareAndSet(Long.MAX_VALUE, System.currentTimeMillis())) {
                    countersBefore = BenchFiles.counters(); // once, so the counts per save are the saves' own
                    cpuBefore = BenchFiles.cpu();
                }
                FIRST_SAVE.accumulateAndGet(System.currentTimeMillis(), Math::min);
                return session.set("text", text(Integer.parseInt(session.getString("n")), session.getInt("k") + 1))
                        .remove("httpStatus").remove("savedVersion");
            })
            .exec(http("save").post("/join/s/#{token}/field")
                    .header("X-CSRF-TOKEN", "#{csrf}")
                    .formParam("questionId", "#{questionId}")
                    .formParam("version", "#{version}")
                    .formParam("value", "#{text}")
                    .check(status().saveAs("httpStatus"), status().is(200), jsonPath("$.status").is("saved"),
                            jsonPath("$.version").ofInt().saveAs("savedVersion")))
            .exec(session -> {
                LAST_ANSWER.accumulateAndGet(System.currentTimeMillis(), Math::max);
                PhoneLog log = PHONES.computeIfAbsent(session.getString("token"), t -> new PhoneLog());
                boolean saved = !session.isFailed() && session.contains("savedVersion");
                String outcome = saved ? "200 saved"
                        : session.contains("httpStatus") ? String.valueOf(session.getInt("httpStatus")) : "no answer";
                OUTCOMES.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                if (!saved) {
                    log.failed.incrementAndGet();
                    return session.markAsSucceeded(); // the phone goes on with the version it had
                }
                int version = session.getInt("savedVersion");
                log.ok.incrementAndGet();
                log.lastText = session.getString("text");
                log.lastVersion = version;
                return session.set("version", version);
            });

    final ScenarioBuilder phone = scenario("phone")
            .feed(csv(feeder.toString()).queue())
            .exec(WorkshopSimulation::cookies)
            .foreach("#{cookieNames}", "cookieName", "c").on(
                    exec(addCookie(Cookie("#{cookieName}", s -> s.<String>getList("cookieValues").get(s.getInt("c"))))))
            .exec(session -> {
                PHONES.computeIfAbsent(session.getString("token"), t -> new PhoneLog());
                return session;
            })
            // the phone opens its sheet (as the page does when it loads: its connection is made here), then its person
            // starts typing a few seconds later: the measured saves ("save") meet open connections, as on a real phone
            .exec(http("open").get("/join/s/#{token}/fields").check(status().is(200)))
            .pause(Duration.ofSeconds(OPEN_SECONDS))
            .repeat(saves, "k").on(pace(Duration.ofSeconds(paceSeconds)), save);

    {
        System.out.printf("WORKSHOP LOAD: %d phones, a save every %d s for %d s (%d saves each) = %.1f saves/s offered%n",
                phones, paceSeconds, duration, saves, phones / (double) paceSeconds);
        setUp(phone.injectOpen(rampUsers(phones).during(Duration.ofSeconds(paceSeconds)))).protocols(protocol);
    }

    @Override
    public void before() {
        countersBefore = BenchFiles.counters(); // replaced at the first save
        cpuBefore = BenchFiles.cpu();
    }

    @Override
    public void after() {
        BenchFiles.writeCounters(out.resolve("workshop.counters"), countersBefore, BenchFiles.counters());
        BenchFiles.writeCounters(out.resolve("workshop.cpu"), cpuBefore, BenchFiles.cpu());
        List<String> lines = new ArrayList<>();
        lines.add("token,ok,failed,lastVersion,lastText");
        PHONES.forEach((token, log) -> lines.add(token + "," + log.ok.get() + "," + log.failed.get() + ","
                + log.lastVersion + ",\"" + log.lastText + "\""));
        BenchFiles.write(out.resolve("workshop-saves.csv"), lines);
        BenchFiles.write(out.resolve("workshop-window.figures"), List.of(String.format(Locale.ROOT,
                "save.window.seconds=%.1f", (LAST_ANSWER.get() - FIRST_SAVE.get()) / 1000.0)));
        Map<String, Integer> outcomes = new TreeMap<>();
        OUTCOMES.forEach((k, v) -> outcomes.put(k, v.get()));
        System.out.println("WORKSHOP OUTCOMES: " + outcomes);
    }
}
