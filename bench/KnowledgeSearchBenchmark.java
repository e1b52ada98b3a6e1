import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.healthycities.HealthyCitiesApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark (not a test, not in mvn verify) for issue 18: the knowledge bank's search over 20,000 items and 2,000
 * documents. Run with {@code ONLY=knowledge bash bench/run.sh}; see bench/README.md.
 *
 * <p>In its own JVM on its own fresh embedded MariaDB (target/bench-knowledge-db): 20,000 items of the Danish network
 * (activities, good practices, workshop results and 2,000 action plans, each plan with a document of about 600 words
 * of extracted text), texts drawn from a vocabulary in which some words are common and most are rare, each item with
 * goal, SDG, 6 P and theme group tags, 10 years, 5 regions. Then the search page over real HTTP as the secretariat
 * (the query, its facet counts in one statement, the page rendered with the words marked), for kinds of queries a
 * person types, interleaved round by round, p50 and p95 per kind, against a baseline measured in the same rounds:
 * the plain FULLTEXT count of the same words over the items' index (what the database must do at the least).
 */
public class KnowledgeSearchBenchmark {

    static final int ITEMS = Integer.getInteger("items", 20_000);
    static final int DOCUMENTS = Integer.getInteger("documents", 2_000);
    static final int ROUNDS = Integer.getInteger("rounds", 40);
    static final int WARMUP = Integer.getInteger("warmup", 10);
    static final String PASSWORD = "bench-only-Pa55";
    static final String NETWORK = "sund-by";
    static final String[] REGIONS = {"Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland",
            "Region Nordjylland"};
    static final String[] COMMON = {"sundhed", "borgere", "trivsel", "bevægelse", "fællesskab", "kommune"};
    static final String[] KINDS = {"ACTIVITY", "PRACTICE", "WORKSHOP"};
    static final Random RANDOM = new Random(18);

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext app = SpringApplication.run(HealthyCitiesApplication.class,
                "--hc.database.embedded.dir=target/bench-knowledge-db", "--hc.database.embedded.fresh=true",
                "--server.port=0", "--hc.admin.password=" + PASSWORD, "--logging.level.root=WARN",
                "--camunda.bpm.job-execution.enabled=false", "--hc.mail.poll-interval=1h",
                "--hc.workshop.relay-interval=1h", "--spring.session.jdbc.cleanup-cron=-");
        try {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            DataSource dataSource = app.getBean(DataSource.class);
            List<String> vocabulary = vocabulary(4000);
            long t0 = System.nanoTime();
            fill(dataSource, vocabulary);
            System.out.printf(Locale.ROOT, "Set-up: %d items (%d with a document) written in %.1f s; %d tags%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_item WHERE network_id = ?", Long.class, NETWORK),
                    jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_item k JOIN document d ON d.id = k.document_id",
                            Long.class), (System.nanoTime() - t0) / 1e9,
                    jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_tag", Long.class));

            BenchHttp bench = new BenchHttp("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                    Duration.ofSeconds(10), Duration.ofMinutes(5));
            BenchHttp.Client admin = bench.login("admin", PASSWORD);
            String rare = vocabulary.get(3000);
            String inDocuments = vocabulary.get(3900);
            Map<String, String[]> queries = new LinkedHashMap<>(); // name -> {query string, words for the baseline}
            queries.put("no words (newest first, all facets)", new String[] {"", ""});
            queries.put("one common word", new String[] {"q=" + COMMON[0], COMMON[0]});
            queries.put("two common words", new String[] {"q=" + COMMON[1] + "+" + COMMON[2], COMMON[1] + " " + COMMON[2]});
            queries.put("one rare word", new String[] {"q=" + rare, rare});
            queries.put("a word found in documents", new String[] {"q=" + inDocuments, inDocuments});
            queries.put("common word + SDG facet", new String[] {"q=" + COMMON[3] + "&sdg=SDG3", COMMON[3]});
            queries.put("SDG + region + year facets", new String[] {"sdg=SDG11&region=" + enc(REGIONS[2]) + "&year=2024", ""});
            queries.put("common word, by date, page 3", new String[] {"q=" + COMMON[4] + "&sort=date&page=2", COMMON[4]});
            queries.put("operators and 2,000 characters", new String[] {"q=" + enc("+\"" + COMMON[5] + "\" -*@ " + "x".repeat(2000)), COMMON[5]});

            Map<String, List<Long>> page = new LinkedHashMap<>();
            Map<String, List<Long>> base = new LinkedHashMap<>();
            Map<String, Long> hits = new LinkedHashMap<>();
            try (Connection baseline = dataSource.getConnection()) {
                for (int round = -WARMUP; round < ROUNDS; round++) {
                    for (var q : queries.entrySet()) {
                        long b = System.nanoTime();
                        long found = fulltextCount(baseline, q.getValue()[1]);
                        long b1 = System.nanoTime();
                        HttpResponse<String> r = admin.get("/knowledge" + (q.getValue()[0].isEmpty() ? "" : "?" + q.getValue()[0]));
                        long p1 = System.nanoTime();
                        if (r.statusCode() != 200 || !r.body().contains("knowledge-hits")) {
                            throw new IllegalStateException(q.getKey() + ": " + r.statusCode());
                        }
                        if (round >= 0) {
                            base.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(b1 - b);
                            page.computeIfAbsent(q.getKey(), k -> new ArrayList<>()).add(p1 - b1);
                            hits.put(q.getKey(), found);
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%nSearch page over HTTP (GET /knowledge as the secretariat), %d rounds after %d"
                    + " of warm-up; baseline: SELECT COUNT(*) ... MATCH AGAINST of the same words on the items' index%n",
                    ROUNDS, WARMUP);
            System.out.printf(Locale.ROOT, "%-38s %8s %9s %9s %11s %11s %7s%n", "query", "matches", "page p50",
                    "page p95", "baseline p50", "baseline p95", "p95 ratio");
            for (String name : queries.keySet()) {
                double p50 = pct(page.get(name), 50), p95 = pct(page.get(name), 95);
                double b50 = pct(base.get(name), 50), b95 = pct(base.get(name), 95);
                System.out.printf(Locale.ROOT, "%-38s %8d %7.1f ms %7.1f ms %9.2f ms %9.2f ms %6.1fx%n", name,
                        hits.get(name), p50, p95, b50, b95, b95 <= 0 ? 0 : p95 / Math.max(b95, 0.01));
            }
        } finally {
            app.close();
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double pct(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** The least the database must do: count the items whose index has every word (everything without words). */
    static long fulltextCount(Connection c, String words) throws Exception {
        String sql = words.isBlank() ? "SELECT COUNT(*) FROM knowledge_item WHERE network_id = ?"
                : "SELECT COUNT(*) FROM knowledge_item WHERE network_id = ? AND MATCH (title, body, results) AGAINST (? IN BOOLEAN MODE)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, NETWORK);
            if (!words.isBlank()) {
                s.setString(2, String.join(" ", java.util.Arrays.stream(words.split(" ")).map(w -> "+" + w + "*").toList()));
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Made-up Danish-looking words: the first few thousand drawn often, the rest rarely (as words in real texts). */
    static List<String> vocabulary(int n) {
        String[] syllables = {"sam", "ar", "bej", "de", "for", "ebyg", "gel", "se", "tryg", "hed", "liv", "kva", "li",
                "tet", "hav", "bo", "lig", "mad", "vin", "dag", "skol", "ung", "dom", "æl", "dre", "grøn", "by", "rum",
                "fri", "tid", "idræt", "ven", "net", "værk", "sund", "plan", "mål", "øko", "nom", "sti"};
        List<String> words = new ArrayList<>();
        Random r = new Random(7);
        while (words.size() < n) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + r.nextInt(3);
            for (int i = 0; i < parts; i++) {
                w.append(syllables[r.nextInt(syllables.length)]);
            }
            if (!words.contains(w.toString()) && w.length() >= 5) {
                words.add(w.toString());
            }
        }
        return words;
    }

    static String text(List<String> vocabulary, int words) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            double d = RANDOM.nextDouble();
            String w = d < 0.08 ? COMMON[RANDOM.nextInt(COMMON.length)]
                    : d < 0.8 ? vocabulary.get(RANDOM.nextInt(500)) : vocabulary.get(RANDOM.nextInt(vocabulary.size()));
            s.append(i == 0 ? "" : i % 12 == 0 ? ". " : " ").append(w);
        }
        return s.append('.').toString();
    }

    /** Items, their tags and the action plans' documents, in batches (the set-up is not what is measured). */
    static void fill(DataSource dataSource, List<String> vocabulary) throws Exception {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement doc = c.prepareStatement("INSERT INTO document (network_id, owner_type, owner_id,"
                    + " filename, media_type, size, sha256, language, extracted_text, content, uploaded_at)"
                    + " VALUES (?, 'knowledge', ?, ?, 'application/pdf', 1000, ?, 'da', ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS);
                 PreparedStatement item = c.prepareStatement("INSERT INTO knowledge_item (network_id, kind, member_id,"
                         + " member_name, region, year, title, body, results, document_id, contact_name, contact_email,"
                         + " shared, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)",
                         PreparedStatement.RETURN_GENERATED_KEYS);
                 PreparedStatement tag = c.prepareStatement("INSERT IGNORE INTO knowledge_tag (item_id, facet, code, label)"
                         + " VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    Long documentId = null;
                    boolean plan = i < DOCUMENTS;
                    if (plan) {
                        doc.setString(1, NETWORK);
                        doc.setString(2, "bench-" + i);
                        doc.setString(3, "handleplan-" + i + ".pdf");
                        doc.setString(4, String.format("%064d", i));
                        doc.setString(5, text(vocabulary, 600));
                        doc.setBytes(6, new byte[] {'%', 'P', 'D', 'F'});
                        doc.setTimestamp(7, now);
                        doc.executeUpdate();
                        try (ResultSet keys = doc.getGeneratedKeys()) {
                            keys.next();
                            documentId = keys.getLong(1);
                        }
                    }
                    int member = RANDOM.nextInt(56);
                    item.setString(1, NETWORK);
                    item.setString(2, plan ? "ACTION_PLAN" : KINDS[RANDOM.nextInt(KINDS.length)]);
                    item.setLong(3, 1_000_000 + member);
                    item.setString(4, "Kommune " + member);
                    item.setString(5, REGIONS[member % REGIONS.length]);
                    item.setInt(6, 2017 + RANDOM.nextInt(10));
                    item.setString(7, plan ? "handleplan-" + i + ".pdf" : text(vocabulary, 5));
                    item.setString(8, plan ? null : text(vocabulary, 80));
                    item.setString(9, plan ? null : text(vocabulary, 30));
                    if (documentId == null) {
                        item.setNull(10, java.sql.Types.BIGINT);
                    } else {
                        item.setLong(10, documentId);
                    }
                    item.setString(11, "Kontakt " + member);
                    item.setString(12, "kontakt" + member + "@example.org");
                    item.setBoolean(13, RANDOM.nextInt(10) > 0);
                    item.setTimestamp(14, now);
                    item.setTimestamp(15, now);
                    item.executeUpdate();
                    long id;
                    try (ResultSet keys = item.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    addTag(tag, id, "GOAL", String.valueOf(1 + RANDOM.nextInt(6)), "Pejlemærke");
                    for (int s = 0; s < 2; s++) {
                        int sdg = 1 + RANDOM.nextInt(17);
                        addTag(tag, id, "SDG", "SDG" + sdg, "SDG" + sdg);
                    }
                    addTag(tag, id, "SIX_P", List.of("PEOPLE", "PLACES", "PARTICIPATION", "PROSPERITY", "PEACE", "PLANET")
                            .get(RANDOM.nextInt(6)), "P");
                    addTag(tag, id, "THEME_GROUP", String.valueOf(1 + RANDOM.nextInt(8)), "Temagruppe");
                    if (i % 500 == 499) {
                        tag.executeBatch();
                        c.commit();
                    }
                }
                tag.executeBatch();
                c.commit();
            }
        }
    }

    static void addTag(PreparedStatement tag, long id, String facet, String code, String label) throws Exception {
        tag.setLong(1, id);
        tag.setString(2, facet);
        tag.setString(3, code);
        tag.setString(4, label);
        tag.addBatch();
    }
}
