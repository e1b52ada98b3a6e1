import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
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
 *    invitation is out (in the mail outbox), with the job executor doing the work in batches. Right before it, the
 *    bare engine's own floor on the same engine and database (the application's history level and job executor):
 *    as many instances of a one-step async process as there are members, started and run to their end; the round
 *    is printed as a ratio to it, which holds better under the machine's noise than seconds do.
 * 2. Generates 10 years x 1,300 members of answers (4 goals, 2 activities, 3 tags each), each evaluation's as its
 *    submission of forms/annual-evaluation.form with one form_answer row per field, and prints the time of the
 *    round report plus the network's year-over-year view over all of them (the answer rows counted are the goals'
 *    answers, a 'goals.goal' row each).
 */
public class EvaluationBenchmark {

    static final int MEMBERS = Integer.getInteger("members", 1300);
    static final int YEARS = Integer.getInteger("years", 10);
    /** The evaluation's answers are submissions of this form about the subject ('evaluation', its id). */
    static final String FORM = "annual-evaluation";
    static final String SUBJECT_TYPE = "evaluation";

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
            Cpu cpu = new Cpu(jdbc);
            double bare = bareEngine(app, cpu);
            Map<String, Long> countersBefore = JdbcBaseline.counters();
            Cpu.Reading cpuBefore = cpu.read();
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
            Cpu.Reading cpuAfter = cpu.read();
            save(opening, "evaluation-opening");
            System.out.printf("OPENING: round for %d members, every invitation out after %.1f s%n", MEMBERS, took.toMillis() / 1000.0);
            System.out.printf(Locale.ROOT, "round / bare engine = %.1f x%n", took.toMillis() / 1000.0 / bare);
            System.out.println("CPU time of the opening: " + cpuAfter.minus(cpuBefore, MEMBERS, "member"));
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            System.out.printf("Jobs of the opening that failed (and were retried): %d; incidents: %d%n",
                    engine.getHistoryService().createHistoricJobLogQuery().failureLog().tenantIdIn(network).count(),
                    engine.getRuntimeService().createIncidentQuery().tenantIdIn(network).count());
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
                    YEARS, MEMBERS, jdbc.queryForObject("SELECT COUNT(*) FROM form_answer a JOIN form_submission s"
                            + " ON s.id = a.submission_id WHERE s.network_id = ? AND s.subject_type = '" + SUBJECT_TYPE
                            + "' AND s.form_id = ? AND a.field_key = 'goals.goal'", Long.class, history, FORM), best / 1e6);
            System.out.printf(Locale.ROOT, "The report takes as long as %.0f single-row commits on one connection (JDBC baseline"
                    + " %.0f rows/s)%n", best / 1e9 * baseline.serial(), baseline.serial());
        } finally {
            app.close();
        }
    }

    /**
     * The bare engine's floor, in seconds: a process with one asynchronous service task that does nothing, deployed
     * through the engine's public API on the same engine and database (the application's history level and job
     * executor settings), started as many times as the round has members, one start per transaction as a caller
     * would, timed until every instance has ended. Prints its SQL statements and commits per instance too.
     */
    static double bareEngine(ConfigurableApplicationContext app, Cpu cpu) throws Exception {
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        RepositoryService repository = engine.getRepositoryService();
        RuntimeService runtime = engine.getRuntimeService();
        HistoryService history = engine.getHistoryService();
        String key = "bench-bare-" + Long.toHexString(System.nanoTime());
        BpmnModelInstance model = Bpmn.createExecutableProcess(key)
                .startEvent()
                .serviceTask("Task_Nothing").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent()
                .done();
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
        System.out.printf("Engine: history level %s; job execution %s%n",
                engine.getProcessEngineConfiguration().getHistory(),
                app.getBean(CamundaBpmProperties.class).getJobExecution());
        Map<String, Long> before = JdbcBaseline.counters();
        Cpu.Reading cpuBefore = cpu.read();
        long t0 = System.nanoTime();
        for (int i = 0; i < MEMBERS; i++) {
            runtime.startProcessInstanceByKey(key);
        }
        double started = (System.nanoTime() - t0) / 1e9;
        while (history.createHistoricProcessInstanceQuery().processDefinitionKey(key).finished().count() < MEMBERS) {
            Thread.sleep(50);
            if (System.nanoTime() - t0 > 3_600e9) {
                throw new IllegalStateException("bare engine not done after an hour");
            }
        }
        double took = (System.nanoTime() - t0) / 1e9;
        Cpu.Reading cpuAfter = cpu.read();
        System.out.printf(Locale.ROOT, "bare engine: %d instances of a one-step async process in %.2f s%n", MEMBERS, took);
        System.out.printf(Locale.ROOT, "  (all started after %.2f s; %d still running)%n", started,
                runtime.createProcessInstanceQuery().processDefinitionKey(key).count());
        System.out.println("  Database work per instance (with the polling): "
                + JdbcBaseline.perUnit(before, JdbcBaseline.counters(), MEMBERS));
        System.out.println("  CPU time: " + cpuAfter.minus(cpuBefore, MEMBERS, "instance"));
        return took;
    }

    /**
     * CPU time used by this JVM (the application, its job executor and the benchmark's polling) and by the embedded
     * database server (its process, from /proc on Linux): it depends less on what else runs than seconds do (not
     * at all free of it: the JIT compiling the opening's code and a crowded machine add to it).
     */
    static final class Cpu {
        private final java.nio.file.Path databaseStat;

        Cpu(JdbcTemplate jdbc) {
            java.nio.file.Path stat = null;
            try {
                String pidFile = jdbc.queryForObject("SELECT @@pid_file", String.class);
                String pid = java.nio.file.Files.readString(java.nio.file.Path.of(jdbc.queryForObject(
                        "SELECT @@datadir", String.class)).resolve(pidFile)).trim();
                stat = java.nio.file.Path.of("/proc", pid, "stat");
                if (!java.nio.file.Files.isReadable(stat)) {
                    stat = null;
                }
            } catch (Exception e) {
                stat = null; // not Linux, or the server's pid is not to be had: the JVM's alone
            }
            this.databaseStat = stat;
        }

        record Reading(long jvmNanos, long databaseNanos) {
            String minus(Reading before, int units, String unit) {
                double jvm = (jvmNanos - before.jvmNanos) / 1e9;
                if (databaseNanos < 0) {
                    return String.format(Locale.ROOT, "%.1f s in the JVM = %.1f ms per %s", jvm, jvm * 1000 / units, unit);
                }
                double db = (databaseNanos - before.databaseNanos) / 1e9;
                return String.format(Locale.ROOT, "%.1f s in the JVM + %.1f s in the database = %.1f ms per %s",
                        jvm, db, (jvm + db) * 1000 / units, unit);
            }
        }

        Reading read() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long db = -1;
            if (databaseStat != null) {
                try {
                    db = ProcStat.cpuMillis(databaseStat) * 1_000_000L;
                } catch (Exception e) {
                    db = -1;
                }
            }
            return new Reading(jvm, db);
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
        BenchNetworks.tenantWithProcesses(app, id, "annual-evaluation.bpmn", "member-evaluation.bpmn");
    }

    /**
     * Ten closed rounds of answers, written straight into the tables as the forms engine keeps them: per evaluation
     * one submission of forms/annual-evaluation.form and one form_answer row per answered field (a goal's and an
     * activity's fields per list item), as V910 moved the old evaluation tables' rows; returns the latest round's id.
     */
    static long generateYears(JdbcTemplate jdbc, String network) throws Exception {
        List<Long> goals = jdbc.queryForList("SELECT g.id FROM strategic_goal g JOIN strategy s ON s.id = g.strategy_id"
                + " WHERE s.network_id = ? ORDER BY g.position", Long.class, network);
        List<Map<String, Object>> members = jdbc.queryForList("SELECT id, name FROM member WHERE network_id = ?", network);
        String[] progress = {"NOT_STARTED", "STARTED", "WELL_UNDER_WAY", "ACHIEVED"};
        Timestamp now = Timestamp.from(Instant.now());
        long latest = 0;
        long t0 = System.nanoTime();
        String version = formVersion(jdbc, now);
        for (int y = 0; y < YEARS; y++) {
            int year = 2070 + y;
            jdbc.update("INSERT INTO evaluation_round (network_id, year, start_date, deadline, grace_days, status, started_by, created_at,"
                    + " prepared_at, closed_at) VALUES (?, ?, ?, ?, 14, 'CLOSED', 'bench', ?, ?, ?)", network, year,
                    LocalDate.of(year + 1, 2, 1), LocalDate.of(year + 1, 3, 29), now, now, now);
            latest = jdbc.queryForObject("SELECT id FROM evaluation_round WHERE network_id = ? AND year = ?", Long.class, network, year);
            List<Object[]> evaluations = new ArrayList<>();
            for (Map<String, Object> m : members) {
                evaluations.add(new Object[] {latest, network, m.get("id"), m.get("name"), LocalDate.of(year + 1, 3, 29), now, now});
            }
            jdbc.batchUpdate("INSERT INTO member_evaluation (round_id, network_id, member_id, member_name, status, deadline,"
                    + " late, created_at, updated_at) VALUES (?, ?, ?, ?, 'ACCEPTED', ?, FALSE, ?, ?)", evaluations);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, member_name FROM member_evaluation WHERE round_id = ?"
                    + " ORDER BY id", latest);
            // the answers handed in: one submission per evaluation, then its ids read back by subject (the evaluation's id)
            List<Object[]> submissions = new ArrayList<>();
            for (Map<String, Object> row : rows) {
                submissions.add(new Object[] {FORM, version, row.get("id").toString(), network, now, now, now});
            }
            jdbc.batchUpdate("INSERT INTO form_submission (form_id, form_version_hash, subject_type, subject_id, network_id, status,"
                    + " version, created_at, updated_at, submitted_at) VALUES (?, ?, '" + SUBJECT_TYPE + "', ?, ?, 'SUBMITTED', 0,"
                    + " ?, ?, ?)", submissions);
            Map<String, Long> submissionIds = new HashMap<>();
            jdbc.query("SELECT s.subject_id, s.id FROM member_evaluation e JOIN form_submission s ON s.subject_type = '"
                    + SUBJECT_TYPE + "' AND s.subject_id = CAST(e.id AS CHAR) AND s.form_id = ? WHERE e.round_id = ?",
                    rs -> { submissionIds.put(rs.getString(1), rs.getLong(2)); }, FORM, latest);
            List<Object[]> answers = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                Long s = submissionIds.get(rows.get(i).get("id").toString());
                if (s == null) {
                    throw new IllegalStateException("no submission read back for evaluation " + rows.get(i).get("id"));
                }
                // 4 goals (list items in the goals' order): the goal (id and title as answered), its progress, what was done
                for (int g = 0; g < goals.size(); g++) {
                    answers.add(answer(s, "goals.goal", g, 0, "Mål " + (g + 1), goals.get(g).toString()));
                    answers.add(answer(s, "goals.progress", g, 0, null, progress[(i + g + y) % 4]));
                    answers.add(answer(s, "goals.whatDone", g, 0, "Beskrivelse", null));
                }
                // 2 activities, each on a goal of the strategy
                for (int a = 0; a < 2; a++) {
                    int goal = (i + a) % goals.size();
                    answers.add(answer(s, "activities.title", a, 0, "Aktivitet " + a, null));
                    answers.add(answer(s, "activities.goal", a, 0, "Mål " + (goal + 1), goals.get(goal).toString()));
                    answers.add(answer(s, "activities.status", a, 0, null, "DONE"));
                    answers.add(answer(s, "activities.partners", a, 0, "Partnere", null));
                }
                // 3 tags: SDG3 and one more SDG (the same one for every 17th member), and one of the WHO 6 Ps
                int position = 0;
                for (String code : new TreeSet<>(List.of("SDG3", "SDG" + (1 + i % 17)))) {
                    answers.add(answer(s, "sdg", null, position++, null, code));
                }
                answers.add(answer(s, "sixP", null, 0, null, "PEOPLE"));
                answers.add(answer(s, "inequality", null, 0, "Vi har arbejdet med ulighed i " + rows.get(i).get("member_name"), null));
            }
            jdbc.batchUpdate("INSERT INTO form_answer (submission_id, field_key, list_item, position, text_value, option_value)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", answers,
                    new int[] {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR, Types.VARCHAR});
        }
        // InnoDB refreshes a table's statistics in the background a moment after a bulk insert; a report planned
        // before that sees form_answer nearly empty and starts from it (minutes instead of a second). Bring them up
        // to date now, as on a database in use (InnoDB statistics only: no histograms are collected by default).
        jdbc.execute("ANALYZE TABLE member_evaluation, form_submission, form_answer");
        System.out.printf("Generated %d years x %d members of answers in %.1f s%n", YEARS, members.size(), (System.nanoTime() - t0) / 1e9);
        return latest;
    }

    private static Object[] answer(long submission, String field, Integer listItem, int position, String text, String option) {
        return new Object[] {submission, field, listItem, position, text, option};
    }

    /**
     * The form version the submissions are made with: the SHA-256 (hex) of forms/annual-evaluation.form as the
     * classpath holds it, kept in form_version if it is not there yet (as V910 and the form catalog do).
     */
    static String formVersion(JdbcTemplate jdbc, Timestamp now) throws Exception {
        byte[] file;
        try (InputStream in = EvaluationBenchmark.class.getResourceAsStream("/forms/" + FORM + ".form")) {
            if (in == null) {
                throw new IllegalStateException("forms/" + FORM + ".form is not on the classpath");
            }
            file = in.readAllBytes();
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        jdbc.update("INSERT INTO form_version (form_id, version_hash, schema_json, first_used_at) SELECT ?, ?, ?, ? FROM DUAL"
                + " WHERE NOT EXISTS (SELECT 1 FROM form_version WHERE form_id = ? AND version_hash = ?)",
                FORM, hash, new String(file, StandardCharsets.UTF_8), now, FORM, hash);
        return hash;
    }
}
