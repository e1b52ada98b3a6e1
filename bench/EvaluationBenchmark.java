import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.healthycities.HealthyCitiesApplication;
import org.healthycities.evaluation.EvaluationRounds;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test, not in mvn verify): run with bench/run.sh (or bench/evaluation-benchmark.sh).
 *
 * 1. Starts the application on a fresh embedded MariaDB under target/bench-db, creates a network with
 *    1,300 generated active members, opens a round through the public API and prints the time until every
 *    invitation is out (in the mail outbox), with the job executor doing the work in batches.
 * 2. Generates 10 years x 1,300 members of answers (4 goals, 2 activities, 3 tags each) and prints the time
 *    of the round report plus the network's year-over-year view over all of them.
 */
public class EvaluationBenchmark {

    static final int MEMBERS = Integer.getInteger("members", 1300);
    static final int YEARS = Integer.getInteger("years", 10);

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(HealthyCitiesApplication.class,
                "--hc.database.embedded.dir=target/bench-db", "--hc.database.embedded.fresh=true", "--server.port=0",
                "--hc.admin.password=bench-only-Pa55", "--logging.level.root=WARN",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            EvaluationRounds rounds = app.getBean(EvaluationRounds.class);
            String network = "bench-" + Long.toHexString(System.nanoTime());
            createNetwork(app, jdbc, network);
            System.out.printf("Network %s with %d active members%n", network, MEMBERS);
            // the database's own limit, on this run's database, right before the opening
            javax.sql.DataSource dataSource = app.getBean(javax.sql.DataSource.class);
            JdbcBaseline.Result baseline = JdbcBaseline.measure(dataSource::getConnection, 3000, 16);

            System.setProperty("jdbc.url", jdbc.queryForObject("SELECT CONCAT('jdbc:mariadb://127.0.0.1:', @@port, '/', DATABASE())", String.class));
            Map<String, Long> countersBefore = JdbcBaseline.counters();
            jdk.jfr.Recording opening = record();
            Instant start = Instant.now();
            long roundId = rounds.open(network, 2090, "bench");
            long lastPrint = 0;
            while (rounds.members(roundId) < MEMBERS || rounds.invited(roundId) < MEMBERS) {
                Thread.sleep(200);
                long seconds = Duration.between(start, Instant.now()).toSeconds();
                if (seconds >= lastPrint + 10) {
                    lastPrint = seconds;
                    System.out.printf("  %3d s: %d members, %d invited%n", seconds, rounds.members(roundId), rounds.invited(roundId));
                }
                if (seconds > 3600) {
                    throw new IllegalStateException("not done after an hour");
                }
            }
            Duration took = Duration.between(start, Instant.now());
            save(opening, "evaluation-opening");
            System.out.printf("OPENING: round for %d members, every invitation out after %.1f s%n", MEMBERS, took.toMillis() / 1000.0);
            System.out.println("Invitations/s = " + baseline.ratio(MEMBERS / (took.toMillis() / 1000.0)));
            System.out.println("Database work per member invited (with the progress polling): "
                    + JdbcBaseline.perUnit(countersBefore, JdbcBaseline.counters(), MEMBERS));

            String history = "bench-h-" + Long.toHexString(System.nanoTime());
            createNetwork(app, jdbc, history);
            long latest = generateYears(jdbc, history);
            rounds.report(latest, Locale.forLanguageTag("da")); // warm up
            jdk.jfr.Recording reporting = record();
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                int goals = rounds.report(latest, Locale.forLanguageTag("da"));
                best = Math.min(best, System.nanoTime() - t0);
                if (goals != 4) {
                    throw new IllegalStateException("expected 4 goals, got " + goals);
                }
            }
            save(reporting, "evaluation-report");
            System.out.printf("REPORT: %d years x %d members (%d answer rows): round report + year over year in %.0f ms (best of 3)%n",
                    YEARS, MEMBERS, jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_goal_answer a JOIN member_evaluation e"
                            + " ON e.id = a.evaluation_id WHERE e.network_id = ?", Long.class, history), best / 1e6);
            System.out.printf(Locale.ROOT, "The report takes as long as %.0f single-row commits on one connection (JDBC baseline"
                    + " %.0f rows/s)%n", best / 1e9 * baseline.serial(), baseline.serial());
        } finally {
            app.close();
        }
    }

    /** A JFR recording of the measured part alone, when -Dprofile.dir is given (bench/run.sh gives it). */
    static jdk.jfr.Recording record() throws Exception {
        if (System.getProperty("profile.dir") == null) {
            return null;
        }
        jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        r.start();
        return r;
    }

    static void save(jdk.jfr.Recording r, String name) throws Exception {
        if (r != null) {
            r.stop();
            r.dump(java.nio.file.Path.of(System.getProperty("profile.dir"), name + ".jfr"));
            r.close();
        }
    }

    static void createNetwork(ConfigurableApplicationContext app, JdbcTemplate jdbc, String id) throws Exception {
        jdbc.update("INSERT INTO network (id, name, language, country, currency) VALUES (?, ?, 'da', 'DK', 'DKK')", id, "Benchmark " + id);
        jdbc.update("INSERT INTO strategy (network_id, name, first_year, last_year) VALUES (?, 'Bench', 2000, 2999)", id);
        Long strategy = jdbc.queryForObject("SELECT id FROM strategy WHERE network_id = ?", Long.class, id);
        for (int g = 1; g <= 4; g++) {
            jdbc.update("INSERT INTO strategic_goal (strategy_id, position, title) VALUES (?, ?, ?)", strategy, g, "Mål " + g);
        }
        List<Object[]> possible = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 1; i <= MEMBERS; i++) {
            String code = String.format("B%05d", i);
            possible.add(new Object[] {id, code, "Benchby " + code});
            members.add(new Object[] {id, code, "Benchby " + code, "Koordinator " + code, "koordinator+" + code + "@example.org", now, now});
        }
        jdbc.batchUpdate("INSERT INTO possible_member (network_id, code, name, kind) VALUES (?, ?, ?, 'MUNICIPALITY')", possible);
        jdbc.batchUpdate("INSERT INTO member (network_id, code, name, kind, status, joined_on, coordinator_name, coordinator_email,"
                + " created_at, updated_at) VALUES (?, ?, ?, 'MUNICIPALITY', 'ACTIVE', '2020-01-01', ?, ?, ?, ?)", members);
        IdentityService identity = app.getBean(IdentityService.class);
        identity.saveTenant(identity.newTenant(id));
        var deployment = app.getBean(RepositoryService.class).createDeployment().tenantId(id);
        for (String file : List.of("annual-evaluation.bpmn", "member-evaluation.bpmn")) {
            deployment.addClasspathResource("bpmn/" + file);
        }
        deployment.deploy();
    }

    /** Ten closed rounds of answers, written straight into the evaluation tables; returns the latest round's id. */
    static long generateYears(JdbcTemplate jdbc, String network) {
        List<Long> goals = jdbc.queryForList("SELECT g.id FROM strategic_goal g JOIN strategy s ON s.id = g.strategy_id"
                + " WHERE s.network_id = ? ORDER BY g.position", Long.class, network);
        List<Map<String, Object>> members = jdbc.queryForList("SELECT id, name FROM member WHERE network_id = ?", network);
        String[] progress = {"NOT_STARTED", "STARTED", "WELL_UNDER_WAY", "ACHIEVED"};
        Timestamp now = Timestamp.from(Instant.now());
        long latest = 0;
        long t0 = System.nanoTime();
        for (int y = 0; y < YEARS; y++) {
            int year = 2070 + y;
            jdbc.update("INSERT INTO evaluation_round (network_id, year, start_date, deadline, grace_days, status, started_by, created_at,"
                    + " prepared_at, closed_at) VALUES (?, ?, ?, ?, 14, 'CLOSED', 'bench', ?, ?, ?)", network, year,
                    LocalDate.of(year + 1, 2, 1), LocalDate.of(year + 1, 3, 29), now, now, now);
            latest = jdbc.queryForObject("SELECT id FROM evaluation_round WHERE network_id = ? AND year = ?", Long.class, network, year);
            List<Object[]> evaluations = new ArrayList<>();
            for (Map<String, Object> m : members) {
                evaluations.add(new Object[] {latest, network, m.get("id"), m.get("name"), LocalDate.of(year + 1, 3, 29),
                        "Vi har arbejdet med ulighed i " + m.get("name"), now, now});
            }
            jdbc.batchUpdate("INSERT INTO member_evaluation (round_id, network_id, member_id, member_name, status, deadline,"
                    + " inequality_text, late, created_at, updated_at) VALUES (?, ?, ?, ?, 'ACCEPTED', ?, ?, FALSE, ?, ?)", evaluations);
            List<Long> ids = jdbc.queryForList("SELECT id FROM member_evaluation WHERE round_id = ? ORDER BY id", Long.class, latest);
            List<Object[]> answers = new ArrayList<>();
            List<Object[]> activities = new ArrayList<>();
            List<Object[]> tags = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                long e = ids.get(i);
                for (int g = 0; g < goals.size(); g++) {
                    answers.add(new Object[] {e, goals.get(g), g + 1, "Mål " + (g + 1), progress[(i + g + y) % 4], "Beskrivelse"});
                }
                for (int a = 0; a < 2; a++) {
                    activities.add(new Object[] {e, a, "Aktivitet " + a, goals.get((i + a) % goals.size()), "DONE", "Partnere"});
                }
                for (String code : new String[] {"SDG3", "SDG" + (1 + i % 17), "SIX_P:PEOPLE"}) {
                    tags.add(code.startsWith("SIX_P:") ? new Object[] {e, "SIX_P", code.substring(6)} : new Object[] {e, "SDG", code});
                }
            }
            jdbc.batchUpdate("INSERT INTO evaluation_goal_answer (evaluation_id, goal_id, goal_position, goal_title, progress, what_done)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", answers);
            jdbc.batchUpdate("INSERT INTO evaluation_activity (evaluation_id, position, title, goal_id, status, partners)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", activities);
            jdbc.batchUpdate("INSERT IGNORE INTO evaluation_tag (evaluation_id, tag_set, code) VALUES (?, ?, ?)", tags);
        }
        System.out.printf("Generated %d years x %d members of answers in %.1f s%n", YEARS, members.size(), (System.nanoTime() - t0) / 1e9);
        return latest;
    }
}
