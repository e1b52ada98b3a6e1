import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.healthycities.HealthyCitiesApplication;
import org.healthycities.exports.ExportTable;
import org.healthycities.forms.DesignedForm;
import org.healthycities.forms.FormDesigner;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.surveys.Recipients;
import org.healthycities.surveys.Survey;
import org.healthycities.surveys.SurveyAudience;
import org.healthycities.surveys.SurveyRecipient;
import org.healthycities.surveys.SurveyResults;
import org.healthycities.surveys.SurveyService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test, not in mvn verify) for issue 13: the results of a survey answered by 1,300 members with
 * 30 fields, and its XLSX export. Run with {@code ONLY=surveys bash bench/run.sh}; see bench/README.md.
 *
 * <p>In its own JVM on its own fresh embedded MariaDB (target/bench-surveys-db): a network of 1,300 active members in
 * five regions; a form of 30 fields (radios, selects, checklists, numbers, textfields, textareas, dates) designed and
 * published through {@link FormDesigner}; a survey to all members sent through {@link SurveyService#send}; every member
 * hands in its answers through {@link Submissions#submit} (validation, one transaction each, from 2 threads) and
 * {@link SurveyService#saved}. Then, interleaved round by round after a warm-up, it times the results page model
 * (everyone, one region), the XLSX export, and the real HTTP GETs of the page, the page filtered by region, the XLSX
 * and the CSV (logged in as the admin, with the session in the database as always), each with its SQL statements
 * from the server's counters, against a baseline measured in the same rounds: one plain JDBC SELECT of the same
 * answer rows (the query the results read them with), on a connection of its own. With -Dprofile.dir (bench/run.sh
 * gives it), a few more rounds are then recorded with JFR, after the figures, as the recording slows what it records.
 *
 * <p>Background work that would blur the statement counts is turned off in this JVM only: the job executor (so
 * the survey's invitations are not sent; they touch no table the results read), the mail outbox poll, the
 * workshop relay and the session clean-up. An idle interval is counted to show that nothing else runs.
 */
public class SurveyResultsBenchmark {

    static final int MEMBERS = Integer.getInteger("members", 1300);
    static final int ROUNDS = Integer.getInteger("rounds", 7);
    static final int WARMUP = Integer.getInteger("warmup", 5);
    static final int PROFILED = Integer.getInteger("profiled", 3);
    static final int SUBMIT_THREADS = Integer.getInteger("submit.threads", 2);
    static final String PASSWORD = "bench-only-Pa55";
    static final String[] REGIONS = {"Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland",
            "Region Nordjylland"};
    static final Locale DA = Locale.forLanguageTag("da");

    /** One measured operation: returns the bytes (or rows) it produced, to show it did the whole work. */
    interface Op {
        long run() throws Exception;
    }

    static final class Measured {
        final String name;
        final Op op;
        final List<Long> nanos = new ArrayList<>();
        final Map<String, Long> statements = new TreeMap<>();
        long output;
        String unit;

        Measured(String name, String unit, Op op) {
            this.name = name;
            this.unit = unit;
            this.op = op;
        }

        double median() {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int n = sorted.length;
            return (n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
        }

        double min() {
            return nanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1e6;
        }

        double max() {
            return nanos.stream().mapToLong(Long::longValue).max().orElseThrow() / 1e6;
        }

        double per(String counter) {
            return statements.getOrDefault(counter, 0L) / (double) nanos.size();
        }

        double sql() {
            return per("select") + per("insert") + per("update") + per("delete");
        }
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        ConfigurableApplicationContext app = SpringApplication.run(HealthyCitiesApplication.class,
                "--hc.database.embedded.dir=target/bench-surveys-db", "--hc.database.embedded.fresh=true",
                "--server.port=0", "--hc.admin.password=" + PASSWORD, "--logging.level.root=WARN",
                "--camunda.bpm.job-execution.enabled=false", "--hc.mail.poll-interval=1h",
                "--hc.workshop.relay-interval=1h", "--spring.session.jdbc.cleanup-cron=-");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DataSource dataSource = app.getBean(DataSource.class);
            SurveyService surveys = app.getBean(SurveyService.class);
            SurveyResults results = app.getBean(SurveyResults.class);
            System.setProperty("jdbc.url", jdbc.queryForObject(
                    "SELECT CONCAT('jdbc:mariadb://127.0.0.1:', @@port, '/', DATABASE())", String.class));

            // ---- set-up (not measured) ----
            String network = "bench-s-" + Long.toHexString(System.nanoTime());
            createNetwork(app, jdbc, network);
            long formId = publishForm(app.getBean(FormDesigner.class), network);
            Map<String, Long> sendBefore = JdbcBaseline.counters();
            long t0 = System.nanoTime();
            SurveyService.Sent sent = surveys.send(Set.of(network), new SurveyService.SendRequest(network, formId,
                    "Trivsel og sundhed 2090", LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(30), 7,
                    SurveyAudience.MEMBERS, Recipients.all()), "bench");
            if (!sent.ok()) {
                throw new IllegalStateException("survey not sent: " + sent.errors());
            }
            Survey survey = sent.survey();
            System.out.printf(Locale.ROOT, "Set-up: survey %d sent to %d members through SurveyService.send in %.1f s;"
                    + " per member: %s%n", survey.getId(), survey.getRecipientCount(), (System.nanoTime() - t0) / 1e9,
                    JdbcBaseline.perUnit(sendBefore, JdbcBaseline.counters(), survey.getRecipientCount()));
            Map<String, Long> answerBefore = JdbcBaseline.counters();
            answerAll(app, surveys, survey);
            System.out.println("  per member handing in: " + JdbcBaseline.perUnit(answerBefore, JdbcBaseline.counters(), MEMBERS));
            long answerRows = jdbc.queryForObject("SELECT COUNT(*) FROM form_answer a JOIN form_submission s"
                    + " ON s.id = a.submission_id WHERE s.subject_type = 'survey' AND s.subject_id = ?"
                    + " AND s.status = 'SUBMITTED'", Long.class, survey.getId().toString());
            System.out.printf(Locale.ROOT, "Stored: %d submitted answers, %d form_answer rows (%.1f per member)%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM form_submission WHERE subject_type = 'survey'"
                            + " AND subject_id = ? AND status = 'SUBMITTED'", Long.class, survey.getId().toString()),
                    answerRows, answerRows / (double) MEMBERS);

            // what the results show, once, as a check that every operation below does the whole work
            SurveyResults.Results all = results.results(survey, SurveyResults.Filter.NONE, DA);
            SurveyResults.Filter south = new SurveyResults.Filter(REGIONS[2], null);
            SurveyResults.Results region = results.results(survey, south, DA);
            System.out.printf(Locale.ROOT, "Results: %d questions; %d of %d members answered; %s: %d of %d%n",
                    all.questions().size(), all.rate().answered(), all.rate().asked(), REGIONS[2],
                    region.rate().answered(), region.rate().asked());
            if (all.questions().size() != 30 || all.rate().answered() != MEMBERS) {
                throw new IllegalStateException("expected 30 questions and " + MEMBERS + " answers");
            }

            BenchHttp bench = new BenchHttp("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                    Duration.ofSeconds(10), Duration.ofMinutes(5));
            BenchHttp.Client admin = bench.login("admin", PASSWORD);
            String page = "/surveys/" + survey.getId() + "/results";
            String regionQuery = "?region=" + URLEncoder.encode(REGIONS[2], StandardCharsets.UTF_8).replace("+", "%20");
            checkHttp(bench, admin, page, survey);

            // ---- the baseline and the operations, interleaved round by round ----
            // the rows SubmissionStore.submittedAnswers reads, with every column of form_answer
            String sql = "SELECT s.id, a.* FROM form_submission s LEFT JOIN form_answer a ON a.submission_id = s.id"
                    + " WHERE s.subject_type = ? AND s.subject_id = ? AND s.status = 'SUBMITTED' AND s.form_id = ?"
                    + " AND s.form_version_hash = ? ORDER BY s.id, a.id";
            try (Connection baselineConnection = dataSource.getConnection()) {
                List<Measured> ops = List.of(
                        new Measured("JDBC baseline: SELECT of the answer rows", "rows",
                                () -> select(baselineConnection, sql, survey)),
                        new Measured("results model (SurveyResults.results), everyone", "questions",
                                () -> results.results(survey, SurveyResults.Filter.NONE, DA).questions().size()),
                        new Measured("results model, one region (" + REGIONS[2] + ")", "questions",
                                () -> results.results(survey, south, DA).questions().size()),
                        new Measured("XLSX export (SurveyResults.export)", "bytes", () -> xlsx(app, results, survey)),
                        new Measured("GET " + page, "bytes", () -> get(bench, admin, page)),
                        new Measured("GET " + page + regionQuery, "bytes", () -> get(bench, admin, page + regionQuery)),
                        new Measured("GET " + page + ".xlsx", "bytes", () -> get(bench, admin, page + ".xlsx")),
                        new Measured("GET " + page + ".csv", "bytes", () -> get(bench, admin, page + ".csv")));
                for (int w = 0; w < WARMUP; w++) {
                    for (Measured m : ops) {
                        m.op.run();
                    }
                }
                Map<String, Long> idleBefore = JdbcBaseline.counters();
                Thread.sleep(2000);
                Map<String, Long> idle = delta(idleBefore, JdbcBaseline.counters());
                for (int r = 0; r < ROUNDS; r++) {
                    for (Measured m : ops) {
                        Map<String, Long> before = JdbcBaseline.counters();
                        long t = System.nanoTime();
                        m.output = m.op.run();
                        m.nanos.add(System.nanoTime() - t);
                        delta(before, JdbcBaseline.counters()).forEach((k, v) -> m.statements.merge(k, v, Long::sum));
                    }
                }
                print(ops, idle, answerRows);
                // the profile (with -Dprofile.dir) after the measured rounds: JFR's own cost stays out of the figures
                jdk.jfr.Recording recording = EvaluationBenchmark.record();
                if (recording != null) {
                    for (int r = 0; r < PROFILED; r++) {
                        for (Measured m : ops) {
                            m.op.run();
                        }
                    }
                    EvaluationBenchmark.save(recording, "surveys");
                    System.out.printf("JFR recording of %d more rounds (not in the figures): surveys.jfr%n", PROFILED);
                }
            }
            System.out.printf(Locale.ROOT, "Whole benchmark (start, set-up, %d warm-up + %d measured rounds%s): %.0f s%n",
                    WARMUP, ROUNDS, System.getProperty("profile.dir") != null ? " + " + PROFILED + " profiled" : "",
                    (System.nanoTime() - started) / 1e9);
        } finally {
            app.close();
        }
    }

    // ---- the measured operations ---------------------------------------------------------------------------

    /** The baseline: the same rows the results read (and every column of them), fetched; nothing built from them. */
    static long select(Connection c, String sql, Survey survey) throws Exception {
        long rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, SurveyService.SUBJECT);
            ps.setString(2, survey.getId().toString());
            ps.setString(3, survey.getFormId());
            ps.setString(4, survey.getVersionHash());
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    static long xlsx(ConfigurableApplicationContext app, SurveyResults results, Survey survey) throws Exception {
        Counting out = new Counting();
        results.export(survey, SurveyResults.Filter.NONE, DA,
                ExportTable.xlsx(out, app.getBean(org.springframework.context.MessageSource.class)
                        .getMessage("survey.results.export.sheet", null, DA), ZoneId.of("Europe/Copenhagen")));
        return out.bytes;
    }

    static long get(BenchHttp bench, BenchHttp.Client c, String path) throws Exception {
        HttpResponse<byte[]> r = fetch(bench, c, path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + r.statusCode());
        }
        return r.body().length;
    }

    static HttpResponse<byte[]> fetch(BenchHttp bench, BenchHttp.Client c, String path) throws Exception {
        return bench.http.send(c.request(path).header("Accept-Language", "da").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Once: the page shows 30 questions, the XLSX holds a header and a row per member. */
    static void checkHttp(BenchHttp bench, BenchHttp.Client c, String page, Survey survey) throws Exception {
        HttpResponse<byte[]> html = fetch(bench, c, page);
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(new String(html.body(), StandardCharsets.UTF_8));
        int questions = doc.select(".question").size();
        HttpResponse<byte[]> xlsx = fetch(bench, c, page + ".xlsx");
        int rows;
        int columns;
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            rows = book.getSheetAt(0).getLastRowNum();
            columns = book.getSheetAt(0).getRow(0).getLastCellNum();
        }
        System.out.printf(Locale.ROOT, "HTTP: the page (%d) shows %d questions, %d canvases; the XLSX (%d) has %d answer"
                + " rows x %d columns%n", html.statusCode(), questions, doc.select("canvas").size(), xlsx.statusCode(),
                rows, columns);
        if (html.statusCode() != 200 || questions != 30 || xlsx.statusCode() != 200 || rows != MEMBERS) {
            throw new IllegalStateException("the page or the XLSX is not what it should be");
        }
    }

    static final class Counting extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    static void print(List<Measured> ops, Map<String, Long> idle, long answerRows) {
        Measured baseline = ops.get(0);
        System.out.printf(Locale.ROOT, "%nStatements while idle for 2 s before the rounds: %s%n", idle);
        System.out.printf(Locale.ROOT, "%d measured rounds after %d warm-up rounds; each round runs every line once, in"
                + " this order. Times in ms; ratio = median / the baseline's median in the same rounds.%n%n", ROUNDS, WARMUP);
        System.out.printf(Locale.ROOT, "| %-62s | %8s | %8s | %8s | %7s | %-12s | %-36s |%n", "operation",
                "median", "min", "max", "ratio", "output", "SQL statements per operation");
        System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(64), "-".repeat(10), "-".repeat(10), "-".repeat(10),
                "-".repeat(9), "-".repeat(14), "-".repeat(38));
        for (Measured m : ops) {
            String output = m.unit.equals("bytes") ? String.format(Locale.ROOT, "%,d B", m.output)
                    : String.format(Locale.ROOT, "%,d %s", m.output, m.unit);
            StringBuilder parts = new StringBuilder();
            for (String k : List.of("select", "insert", "update", "delete")) {
                if (m.per(k) > 0) {
                    parts.append(parts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %s", fmt(m.per(k)), k));
                }
            }
            String statements = String.format(Locale.ROOT, "%s (%s; %s commit%s)", fmt(m.sql()), parts,
                    fmt(m.per("commit")), m.per("commit") == 1 ? "" : "s");
            System.out.printf(Locale.ROOT, "| %-62s | %8.1f | %8.1f | %8.1f | %6.2fx | %-12s | %-36s |%n", m.name,
                    m.median(), m.min(), m.max(), m.median() / baseline.median(), output, statements);
        }
        System.out.printf(Locale.ROOT, "%nBaseline: %,d answer rows (%,d form_answer rows of %d submissions) read in"
                + " %.1f ms median = %.0f rows/ms%n", baseline.output, answerRows, MEMBERS, baseline.median(),
                baseline.output / baseline.median());
        for (Measured m : ops) {
            System.out.printf(Locale.ROOT, "  %-64s rounds (ms): %s%n", m.name, Arrays.toString(
                    m.nanos.stream().mapToLong(n -> Math.round(n / 1e6)).toArray()));
        }
    }

    /** 6 for 6.0, else one decimal. */
    static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    // ---- set-up --------------------------------------------------------------------------------------------

    /**
     * A network with MEMBERS active members spread over five regions (possible members of kind REGION) and
     * populations from 5,000 to 200,000; the survey processes deployed for its tenant.
     */
    static void createNetwork(ConfigurableApplicationContext app, JdbcTemplate jdbc, String id) {
        jdbc.update("INSERT INTO network (id, name, language, country, currency, secretariat_name)"
                + " VALUES (?, ?, 'da', 'DK', 'DKK', 'Benchsekretariatet')", id, "Benchmark " + id);
        jdbc.update("INSERT INTO strategy (network_id, name, first_year, last_year) VALUES (?, 'Bench', 2000, 2999)", id);
        List<Object[]> regions = new ArrayList<>();
        for (int r = 0; r < REGIONS.length; r++) {
            regions.add(new Object[] {id, "R" + (r + 1), REGIONS[r]});
        }
        jdbc.batchUpdate("INSERT INTO possible_member (network_id, code, name, kind) VALUES (?, ?, ?, 'REGION')", regions);
        List<Object[]> possible = new ArrayList<>();
        List<Object[]> members = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (int i = 1; i <= MEMBERS; i++) {
            String code = String.format("B%05d", i);
            possible.add(new Object[] {id, code, "Benchby " + code, "R" + (1 + i % REGIONS.length)});
            members.add(new Object[] {id, code, "Benchby " + code, "Koordinator " + code,
                    "koordinator+" + code + "@example.org", 5_000 + (i * 7919) % 195_000, now, now});
        }
        jdbc.batchUpdate("INSERT INTO possible_member (network_id, code, name, kind, region_code)"
                + " VALUES (?, ?, ?, 'MUNICIPALITY', ?)", possible);
        jdbc.batchUpdate("INSERT INTO member (network_id, code, name, kind, status, joined_on, coordinator_name,"
                + " coordinator_email, population, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'MUNICIPALITY', 'ACTIVE', '2020-01-01', ?, ?, ?, ?, ?)", members);
        BenchNetworks.tenantWithProcesses(app, id, "survey-round.bpmn", "survey-member.bpmn");
        System.out.printf("Network %s with %d active members in %d regions%n", id, MEMBERS, REGIONS.length);
    }

    static final String[][] RADIO_OPTIONS = {
            {"Meget enig", "Enig", "Hverken eller", "Uenig", "Meget uenig"},
            {"Ja", "Nej", "Ved ikke"},
            {"Dagligt", "Ugentligt", "Månedligt", "Sjældnere"},
            {"Ja", "Nej"},
            {"Lav", "Middel", "Høj"},
            {"Politisk", "Administrativt", "Begge", "Ingen af dem"}};
    static final String[] SELECT_OPTIONS = {"Sundhed", "Social", "Teknik og miljø", "Børn og unge", "Kultur og fritid",
            "Beskæftigelse", "Ældre", "Borgmesterens afdeling"};
    static final String[] CHECKLIST_OPTIONS = {"Lighed i sundhed", "Børn og unge", "Mental sundhed", "Fysisk aktivitet",
            "Klima og bæredygtighed", "Partnerskaber"};
    static final String[] NUMBER_LABELS = {"Tilfredshed (1-5)", "Antal projekter", "Antal ansatte i sundhedsafdelingen",
            "Budget til forebyggelse (kr.)", "Andel borgere nået (%)"};
    static final String[] DATE_LABELS = {"Dato for byrådets beslutning", "Næste temamøde", "Strategien gælder til"};

    /** The 30 fields: 6 radios, 4 selects, 5 checklists, 5 numbers, 4 textfields, 3 textareas, 3 dates. */
    static String formJson() {
        StringBuilder c = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            field(c, "radio", "radio" + (i + 1), "Spørgsmål " + (i + 1) + ": hvordan går det med indsatsen?",
                    RADIO_OPTIONS[i], "");
        }
        for (int i = 0; i < 4; i++) {
            field(c, "select", "select" + (i + 1), "Hvilken forvaltning står for område " + (i + 1) + "?",
                    SELECT_OPTIONS, "");
        }
        for (int i = 0; i < 5; i++) {
            field(c, "checklist", "check" + (i + 1), "Hvilke temaer arbejder I med i spor " + (i + 1) + "?",
                    CHECKLIST_OPTIONS, "");
        }
        for (int i = 0; i < 5; i++) {
            field(c, "number", "number" + (i + 1), NUMBER_LABELS[i], null, "");
        }
        for (int i = 0; i < 4; i++) {
            field(c, "textfield", "text" + (i + 1), "Kort svar " + (i + 1), null, "");
        }
        for (int i = 0; i < 3; i++) {
            field(c, "textarea", "long" + (i + 1), "Beskriv jeres arbejde " + (i + 1), null, "");
        }
        for (int i = 0; i < 3; i++) {
            field(c, "datetime", "date" + (i + 1), DATE_LABELS[i], null, "\"subtype\":\"date\",");
        }
        return "{\"type\":\"default\",\"id\":\"bench\",\"schemaVersion\":16,\"components\":[" + c + "]}";
    }

    static void field(StringBuilder c, String type, String key, String label, String[] options, String extra) {
        if (c.length() > 0) {
            c.append(',');
        }
        c.append("{\"type\":\"").append(type).append("\",\"id\":\"Field_").append(key).append("\",\"key\":\"")
                .append(key).append("\",").append(extra)
                .append("datetime".equals(type) ? "\"dateLabel\":\"" : "\"label\":\"").append(label).append('"');
        if (options != null) {
            c.append(",\"values\":[");
            for (int i = 0; i < options.length; i++) {
                c.append(i == 0 ? "" : ",").append("{\"label\":\"").append(options[i]).append("\",\"value\":\"o")
                        .append(i + 1).append("\"}");
            }
            c.append(']');
        }
        c.append('}');
    }

    static long publishForm(FormDesigner designer, String network) {
        Set<String> mine = Set.of(network);
        DesignedForm form = designer.create(mine, network, "Trivsel og sundhed", "bench").form();
        FormDesigner.Outcome saved = designer.saveDraft(mine, form.getId(), form.getVersion(), "Trivsel og sundhed",
                formJson().getBytes(StandardCharsets.UTF_8), "bench");
        if (!saved.ok()) {
            throw new IllegalStateException("draft refused: " + saved.errors());
        }
        FormDesigner.Outcome published = designer.publish(mine, form.getId(), saved.form().getVersion(), "bench");
        if (!published.ok()) {
            throw new IllegalStateException("not published: " + published.errors());
        }
        return form.getId();
    }

    static final String[] WORDS = ("vi har arbejdet med lighed i sundhed sammen med borgerne i lokalområdet og har"
            + " oprettet et partnerskab med skoler foreninger og praktiserende læger om trivsel bevægelse kost og"
            + " mental sundhed blandt børn unge og ældre det har givet flere aktive borgere").split(" ");

    static String words(Random random, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }

    /** Member i's answers: about one optional field in ten left blank, as people do. */
    static Map<String, Object> answers(int i) {
        Random random = new Random(i);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int q = 0; q < 6; q++) {
            values.put("radio" + (q + 1), "o" + (1 + Math.min(random.nextInt(RADIO_OPTIONS[q].length),
                    random.nextInt(RADIO_OPTIONS[q].length))));
        }
        for (int q = 0; q < 4; q++) {
            values.put("select" + (q + 1), "o" + (1 + random.nextInt(SELECT_OPTIONS.length)));
        }
        for (int q = 0; q < 5; q++) {
            List<String> chosen = new ArrayList<>();
            for (int o = 0; o < CHECKLIST_OPTIONS.length; o++) {
                if (random.nextInt(3) == 0) {
                    chosen.add("o" + (o + 1));
                }
            }
            values.put("check" + (q + 1), chosen);
        }
        values.put("number1", String.valueOf(1 + random.nextInt(5)));
        values.put("number2", String.valueOf(random.nextInt(12)));
        values.put("number3", String.valueOf(3 + random.nextInt(400)));
        values.put("number4", String.valueOf(50_000 + random.nextInt(5_000_000)));
        values.put("number5", String.format(Locale.ROOT, "%.1f", random.nextDouble() * 100));
        for (int q = 0; q < 4; q++) {
            values.put("text" + (q + 1), words(random, 3 + random.nextInt(6)));
        }
        for (int q = 0; q < 3; q++) {
            values.put("long" + (q + 1), words(random, 30 + random.nextInt(60)));
        }
        for (int q = 0; q < 3; q++) {
            values.put("date" + (q + 1), LocalDate.of(2089 + q, 1, 1).plusDays(random.nextInt(365)).toString());
        }
        values.replaceAll((k, v) -> !(v instanceof List) && random.nextInt(10) == 0 ? null : v);
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    /** Every member hands in its answers as the answer page does: Submissions.submit, then SurveyService.saved. */
    static void answerAll(ConfigurableApplicationContext app, SurveyService surveys, Survey survey) throws Exception {
        Submissions submissions = app.getBean(Submissions.class);
        List<SurveyRecipient> recipients = surveys.recipients(survey);
        ExecutorService pool = Executors.newFixedThreadPool(SUBMIT_THREADS);
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < recipients.size(); n++) {
            SurveyRecipient r = recipients.get(n);
            int i = n;
            futures.add(pool.submit(() -> {
                Submission s = submissions.find(r.getSubmissionId()).orElseThrow();
                SaveResult saved = submissions.submit(s.id(), s.version(), FormInput.of(answers(i)));
                if (!(saved instanceof SaveResult.Saved)) {
                    throw new IllegalStateException("member " + i + ": " + saved);
                }
                surveys.saved(r, true);
                done.incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Set-up: %d members handed in their answers through Submissions.submit +"
                + " SurveyService.saved from %d threads in %.1f s (%.0f/s)%n", done.get(), SUBMIT_THREADS, seconds,
                done.get() / seconds);
    }
}
