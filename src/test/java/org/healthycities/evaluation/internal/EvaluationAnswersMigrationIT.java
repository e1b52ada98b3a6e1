package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.healthycities.evaluation.ActivityStatus;
import org.healthycities.evaluation.Progress;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V910 moves the evaluations' answers from the evaluation's own tables into the forms engine. On a database of its
 * own (the same server), migrated up to the version before, with answers written as the old code wrote them: the
 * round report, year over year and a member's history read the same before (the old queries, as they were) and
 * after (ReportService on the forms engine's rows).
 */
@IntegrationTest
class EvaluationAnswersMigrationIT {

    @Autowired DataSource appDataSource;
    @Autowired JdbcTemplate appJdbc;

    String schema;
    DriverManagerDataSource dataSource;
    JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() throws Exception {
        schema = "mig_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        appJdbc.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        HikariDataSource app = appDataSource.unwrap(HikariDataSource.class);
        String url = app.getJdbcUrl().replaceFirst("(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + schema);
        dataSource = new DriverManagerDataSource(url, app.getUsername(), app.getPassword());
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropIt() {
        appJdbc.execute("DROP DATABASE IF EXISTS " + schema);
    }

    private void migrate(MigrationVersion target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }

    @Test
    void theReportsReadTheSameAfterTheAnswersMoveIntoTheFormsEngine() {
        migrate(MigrationVersion.fromVersion("901"));
        List<Map<String, Object>> goals = jdbc.queryForList("SELECT g.id, g.position, g.title FROM strategic_goal g"
                + " JOIN strategy s ON s.id = g.strategy_id WHERE s.network_id = 'sund-by' ORDER BY s.id, g.position LIMIT 3");
        long r2030 = round(2030);
        long r2031 = round(2031);
        long aarhus = evaluation(r2030, 101, "Aarhus Kommune", "ACCEPTED", "Vi arbejder i de udsatte boligområder.", "Mere om trivsel");
        long odense = evaluation(r2030, 102, "Odense Kommune", "SUBMITTED", "Lighed i alle politikker.", null);
        long tarnby = evaluation(r2030, 103, "Tårnby Kommune", "DRAFT", "Et udkast", null);
        evaluation(r2030, 104, "Vejle Kommune", "INVITED", null, null);
        long aarhusNext = evaluation(r2031, 101, "Aarhus Kommune", "ACCEPTED", "Fortsat indsats.", null);
        String[][] progress = {{"STARTED", "WELL_UNDER_WAY", "ACHIEVED"}, {"NOT_STARTED", "STARTED", null},
                {"STARTED", null, null}, {"ACHIEVED", "ACHIEVED", "WELL_UNDER_WAY"}};
        long[] answered = {aarhus, odense, tarnby, aarhusNext};
        for (int m = 0; m < answered.length; m++) {
            for (int g = 0; g < goals.size(); g++) {
                jdbc.update("INSERT INTO evaluation_goal_answer (evaluation_id, goal_id, goal_position, goal_title, progress,"
                        + " what_done) VALUES (?, ?, ?, ?, ?, ?)", answered[m], goals.get(g).get("id"), g + 1,
                        goals.get(g).get("title"), progress[m][g], g == 0 ? "Arbejde med mål 1" : null);
            }
        }
        long cykel = activity(aarhus, 0, "Cykelby", (Long) ((Number) goals.get(0).get("id")).longValue(), "DONE", "Skoler", "SDG3", "SDG11");
        activity(aarhus, 1, "Røgfri skoletid", (Long) ((Number) goals.get(1).get("id")).longValue(), "ONGOING", null, "SDG3");
        activity(odense, 0, "Sunde frokoster", null, "PLANNED", "Foreninger");
        activity(aarhusNext, 0, "Cykelby 2", (Long) ((Number) goals.get(0).get("id")).longValue(), "ONGOING", null);
        jdbc.update("UPDATE evaluation_activity SET carried_from_id = ? WHERE evaluation_id = ?", cykel, aarhusNext);
        for (Object[] tag : new Object[][] {{aarhus, "SDG", "SDG3"}, {aarhus, "SDG", "SDG10"}, {aarhus, "SIX_P", "PEOPLE"},
                {odense, "SDG", "SDG3"}, {aarhusNext, "SDG", "SDG17"}}) {
            jdbc.update("INSERT INTO evaluation_tag (evaluation_id, tag_set, code) VALUES (?, ?, ?)", tag);
        }
        jdbc.update("INSERT INTO evaluation_theme_group (evaluation_id, theme_group_id, name) VALUES (?, 7, 'Lighed i sundhed')", aarhus);

        OldReport before = OldReport.read(jdbc, r2030, 101);
        OldReport draft = OldReport.read(jdbc, r2030, 103);
        migrate(MigrationVersion.LATEST);
        ReportService reports = new ReportService(jdbc, null, null);

        assertThat(before.goals()).hasSize(3);
        assertThat(reports.goals(r2030)).isEqualTo(before.goals());
        assertThat(reports.tagCounts(r2030)).isEqualTo(before.tags()).containsEntry("SDG:SDG3", 2L);
        assertThat(reports.quotes(r2030)).isEqualTo(before.quotes()).hasSize(2);
        assertThat(withoutIds(reports.activities(r2030))).isEqualTo(withoutIds(before.activities())).hasSize(3);
        assertThat(reports.trend("sund-by")).isEqualTo(before.trend());
        assertThat(reports.memberHistory(101)).isEqualTo(before.history()).hasSize(2);
        assertThat(reports.memberHistory(103)).isEqualTo(draft.history()).hasSize(1);
        assertThat(draft.history().get(0).goals()).hasSize(3); // a draft's goals, answered or not

        // one submission per evaluation with answers, handed in where the evaluation was; the old store is gone
        assertThat(jdbc.queryForList("SELECT subject_id, status FROM form_submission WHERE form_id = 'annual-evaluation'"
                + " ORDER BY CAST(subject_id AS UNSIGNED)")).extracting(r -> r.get("subject_id") + " " + r.get("status"))
                .containsExactly(aarhus + " SUBMITTED", odense + " SUBMITTED", tarnby + " DRAFT", aarhusNext + " SUBMITTED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_name LIKE 'evaluation\\_%' AND table_name IN ('evaluation_goal_answer', 'evaluation_activity',"
                + " 'evaluation_activity_sdg', 'evaluation_tag', 'evaluation_theme_group')", Integer.class, schema)).isZero();
        assertThat(jdbc.queryForObject("SELECT text_value FROM form_answer a JOIN form_submission s ON s.id = a.submission_id"
                + " WHERE s.subject_id = ? AND a.field_key = 'themeGroup'", String.class, String.valueOf(aarhus)))
                .isEqualTo("Lighed i sundhed");
    }

    private long round(int year) {
        jdbc.update("INSERT INTO evaluation_round (network_id, year, start_date, deadline, grace_days, status, started_by,"
                + " created_at) VALUES ('sund-by', ?, ?, ?, 14, 'CLOSED', 'test', NOW(6))", year, year + "-02-01", year + "-03-28");
        return jdbc.queryForObject("SELECT id FROM evaluation_round WHERE network_id = 'sund-by' AND year = ?", Long.class, year);
    }

    private long evaluation(long round, long member, String name, String status, String inequality, String wishes) {
        jdbc.update("INSERT INTO member_evaluation (round_id, network_id, member_id, member_name, status, deadline,"
                + " inequality_text, wishes_text, created_at, updated_at) VALUES (?, 'sund-by', ?, ?, ?, '2030-03-28', ?, ?,"
                + " NOW(6), NOW(6))", round, member, name, status, inequality, wishes);
        return jdbc.queryForObject("SELECT id FROM member_evaluation WHERE round_id = ? AND member_id = ?", Long.class,
                round, member);
    }

    private long activity(long evaluation, int position, String title, Long goal, String status, String partners,
                          String... sdgs) {
        jdbc.update("INSERT INTO evaluation_activity (evaluation_id, position, title, goal_id, status, partners)"
                + " VALUES (?, ?, ?, ?, ?, ?)", evaluation, position, title, goal, status, partners);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM evaluation_activity", Long.class);
        for (String sdg : sdgs) {
            jdbc.update("INSERT INTO evaluation_activity_sdg (activity_id, sdg_code) VALUES (?, ?)", id, sdg);
        }
        return id;
    }

    private static List<ReportService.ActivityRow> withoutIds(List<ReportService.ActivityRow> rows) {
        return rows.stream().map(a -> new ReportService.ActivityRow(0, a.memberName(), a.title(), a.goalId(), a.status(),
                a.partners(), a.sdgs())).toList();
    }

    /** The report as the code before V910 read it: its queries, as they were. */
    record OldReport(List<ReportService.GoalDistribution> goals, Map<String, Long> tags, List<ReportService.Quote> quotes,
                     List<ReportService.ActivityRow> activities, ReportService.Trend trend,
                     List<ReportService.HistoryRow> history) {

        private static final String ANSWERED = "e.status IN ('SUBMITTED', 'ACCEPTED')";

        static OldReport read(JdbcTemplate jdbc, long roundId, long memberId) {
            Map<Long, ReportService.GoalDistribution> goals = new LinkedHashMap<>();
            jdbc.query("SELECT a.goal_id, a.goal_position, a.goal_title, a.progress, COUNT(*) FROM evaluation_goal_answer a"
                    + " JOIN member_evaluation e ON e.id = a.evaluation_id WHERE e.round_id = ? AND " + ANSWERED
                    + " AND a.progress IS NOT NULL GROUP BY a.goal_id, a.goal_position, a.goal_title, a.progress"
                    + " ORDER BY a.goal_position, a.goal_id", rs -> {
                ReportService.GoalDistribution g = goals.get(rs.getLong(1));
                if (g == null) {
                    g = new ReportService.GoalDistribution(rs.getLong(1), rs.getInt(2), rs.getString(3), new EnumMap<>(Progress.class));
                    goals.put(rs.getLong(1), g);
                }
                g.counts().put(Progress.valueOf(rs.getString(4)), rs.getLong(5));
            }, roundId);
            Map<String, Long> tags = new LinkedHashMap<>();
            jdbc.query("SELECT t.tag_set, t.code, COUNT(*) FROM evaluation_tag t JOIN member_evaluation e ON e.id = t.evaluation_id"
                    + " WHERE e.round_id = ? AND " + ANSWERED + " GROUP BY t.tag_set, t.code",
                    rs -> { tags.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3)); }, roundId);
            List<ReportService.Quote> quotes = jdbc.query("SELECT member_name, inequality_text FROM member_evaluation e"
                    + " WHERE round_id = ? AND " + ANSWERED + " AND inequality_text IS NOT NULL ORDER BY member_name",
                    (rs, i) -> new ReportService.Quote(rs.getString(1), rs.getString(2)), roundId);
            Map<Long, List<String>> sdgs = new LinkedHashMap<>();
            jdbc.query("SELECT s.activity_id, s.sdg_code FROM evaluation_activity_sdg s JOIN evaluation_activity a ON a.id = s.activity_id"
                    + " JOIN member_evaluation e ON e.id = a.evaluation_id WHERE e.round_id = ? AND " + ANSWERED
                    + " ORDER BY s.activity_id, s.sdg_code", rs -> {
                sdgs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }, roundId);
            List<ReportService.ActivityRow> activities = jdbc.query("SELECT a.id, e.member_name, a.title, a.goal_id, a.status,"
                            + " a.partners FROM evaluation_activity a JOIN member_evaluation e ON e.id = a.evaluation_id"
                            + " WHERE e.round_id = ? AND " + ANSWERED + " ORDER BY e.member_name, a.position",
                    (rs, i) -> new ReportService.ActivityRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4) == null ? null : rs.getLong(4), ActivityStatus.valueOf(rs.getString(5)),
                            rs.getString(6), sdgs.getOrDefault(rs.getLong(1), List.of())), roundId);
            List<Integer> years = jdbc.queryForList("SELECT year FROM evaluation_round WHERE network_id = 'sund-by' ORDER BY year",
                    Integer.class);
            Map<String, List<ReportService.TrendPoint>> trend = new LinkedHashMap<>();
            jdbc.query("SELECT r.year, a.goal_position, a.goal_title,"
                    + " AVG(CASE a.progress WHEN 'NOT_STARTED' THEN 0 WHEN 'STARTED' THEN 1 WHEN 'WELL_UNDER_WAY' THEN 2 ELSE 3 END),"
                    + " COUNT(*) FROM evaluation_goal_answer a JOIN member_evaluation e ON e.id = a.evaluation_id"
                    + " JOIN evaluation_round r ON r.id = e.round_id WHERE r.network_id = 'sund-by' AND " + ANSWERED
                    + " AND a.progress IS NOT NULL GROUP BY r.year, a.goal_position, a.goal_title ORDER BY a.goal_position, r.year",
                    rs -> {
                        trend.computeIfAbsent(rs.getInt(2) + ". " + rs.getString(3), k -> new ArrayList<>())
                                .add(new ReportService.TrendPoint(rs.getInt(1), Math.round(rs.getDouble(4) * 100) / 100.0, rs.getLong(5)));
                    });
            Map<Long, ReportService.HistoryRow> history = new LinkedHashMap<>();
            jdbc.query("SELECT r.year, e.id, e.status, a.goal_position, a.goal_title, a.progress,"
                    + " (SELECT COUNT(*) FROM evaluation_activity x WHERE x.evaluation_id = e.id)"
                    + " FROM member_evaluation e JOIN evaluation_round r ON r.id = e.round_id"
                    + " LEFT JOIN evaluation_goal_answer a ON a.evaluation_id = e.id"
                    + " WHERE e.member_id = ? ORDER BY r.year DESC, a.goal_position", rs -> {
                ReportService.HistoryRow row = history.get(rs.getLong(2));
                if (row == null) {
                    row = new ReportService.HistoryRow(rs.getInt(1), rs.getLong(2), EvaluationStatus.valueOf(rs.getString(3)),
                            new LinkedHashMap<>(), rs.getLong(7));
                    history.put(rs.getLong(2), row);
                }
                if (rs.getString(5) != null) {
                    row.goals().put(rs.getInt(4) + ". " + rs.getString(5),
                            rs.getString(6) == null ? null : Progress.valueOf(rs.getString(6)));
                }
            }, memberId);
            return new OldReport(List.copyOf(goals.values()), tags, quotes, activities, new ReportService.Trend(years, trend),
                    List.copyOf(history.values()));
        }
    }
}
