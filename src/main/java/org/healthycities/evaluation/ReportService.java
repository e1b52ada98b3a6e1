package org.healthycities.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The round report and the year-over-year views, aggregated in SQL over the typed answer rows. Only
 * answers handed in count (submitted or accepted); drafts and late drafts not yet accepted do not.
 */
@Service
@Transactional(readOnly = true)
class ReportService {

    private static final String ANSWERED = "e.status IN ('SUBMITTED', 'ACCEPTED')";

    private final JdbcTemplate jdbc;
    private final NetworkDirectory networks;
    private final RoundService rounds;

    ReportService(JdbcTemplate jdbc, NetworkDirectory networks, RoundService rounds) {
        this.jdbc = jdbc;
        this.networks = networks;
        this.rounds = rounds;
    }

    /** The distribution of progress on one goal: how many members answered each step of the scale. */
    record GoalDistribution(long goalId, int position, String title, Map<Progress, Long> counts) {
        public long count(Progress p) {
            return counts.getOrDefault(p, 0L);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public List<Long> values() {
            List<Long> v = new ArrayList<>();
            for (Progress p : Progress.values()) {
                v.add(count(p));
            }
            return v;
        }
    }

    record TagCount(String code, String name, long count) {
    }

    record Quote(String memberName, String text) {
    }

    record ActivityRow(long id, String memberName, String title, Long goalId, ActivityStatus status, String partners,
                       List<String> sdgs) {
    }

    record MissingMember(long evaluationId, String memberName, EvaluationStatus status) {
    }

    record RoundReport(EvaluationRound round, RoundService.Counts counts, List<MissingMember> missing,
                       List<GoalDistribution> goals, List<TagCount> sdgs, List<TagCount> sixPs, List<Quote> quotes,
                       Map<GoalDistribution, List<ActivityRow>> activitiesByGoal, List<ActivityRow> activitiesWithoutGoal) {
    }

    RoundReport round(EvaluationRound round, Locale locale) {
        long id = round.getId();
        List<MissingMember> missing = jdbc.query("SELECT id, member_name, status FROM member_evaluation e"
                        + " WHERE round_id = ? AND NOT " + ANSWERED + " ORDER BY member_name",
                (rs, i) -> new MissingMember(rs.getLong(1), rs.getString(2), EvaluationStatus.valueOf(rs.getString(3))), id);
        List<GoalDistribution> goals = goals(id);
        Map<String, Long> tagCounts = new LinkedHashMap<>();
        jdbc.query("SELECT t.tag_set, t.code, COUNT(*) FROM evaluation_tag t JOIN member_evaluation e ON e.id = t.evaluation_id"
                + " WHERE e.round_id = ? AND " + ANSWERED + " GROUP BY t.tag_set, t.code",
                rs -> { tagCounts.put(rs.getString(1) + ":" + rs.getString(2), rs.getLong(3)); }, id);
        List<TagCount> sdgs = networks.sdgs().stream().map(t -> new TagCount(t.getCode(), t.getPosition() + ". " + t.name(locale),
                tagCounts.getOrDefault(Tag.SDG + ":" + t.getCode(), 0L))).toList();
        List<TagCount> sixPs = networks.sixPs().stream().map(t -> new TagCount(t.getCode(), t.name(locale),
                tagCounts.getOrDefault(Tag.SIX_P + ":" + t.getCode(), 0L))).toList();
        List<Quote> quotes = jdbc.query("SELECT member_name, inequality_text FROM member_evaluation e WHERE round_id = ? AND "
                        + ANSWERED + " AND inequality_text IS NOT NULL ORDER BY member_name",
                (rs, i) -> new Quote(rs.getString(1), rs.getString(2)), id);
        List<ActivityRow> activities = activities(id);
        Map<GoalDistribution, List<ActivityRow>> byGoal = new LinkedHashMap<>();
        for (GoalDistribution g : goals) {
            byGoal.put(g, activities.stream().filter(a -> a.goalId() != null && a.goalId() == g.goalId()).toList());
        }
        List<ActivityRow> withoutGoal = activities.stream()
                .filter(a -> a.goalId() == null || goals.stream().noneMatch(g -> g.goalId() == a.goalId())).toList();
        return new RoundReport(round, rounds.counts(id), missing, goals, sdgs, sixPs, quotes, byGoal, withoutGoal);
    }

    /** Every goal of the round's answers, with zeros where nobody chose a step. */
    List<GoalDistribution> goals(long roundId) {
        Map<Long, GoalDistribution> goals = new LinkedHashMap<>();
        jdbc.query("SELECT a.goal_id, a.goal_position, a.goal_title, a.progress, COUNT(*) FROM evaluation_goal_answer a"
                + " JOIN member_evaluation e ON e.id = a.evaluation_id WHERE e.round_id = ? AND " + ANSWERED
                + " AND a.progress IS NOT NULL GROUP BY a.goal_id, a.goal_position, a.goal_title, a.progress"
                + " ORDER BY a.goal_position, a.goal_id", rs -> {
            GoalDistribution g = goals.computeIfAbsent(rs.getLong(1), k -> {
                try {
                    return new GoalDistribution(k, rs.getInt(2), rs.getString(3), new EnumMap<>(Progress.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            g.counts().put(Progress.valueOf(rs.getString(4)), rs.getLong(5));
        }, roundId);
        return List.copyOf(goals.values());
    }

    private List<ActivityRow> activities(long roundId) {
        Map<Long, List<String>> sdgs = new LinkedHashMap<>();
        jdbc.query("SELECT s.activity_id, s.sdg_code FROM evaluation_activity_sdg s JOIN evaluation_activity a ON a.id = s.activity_id"
                + " JOIN member_evaluation e ON e.id = a.evaluation_id WHERE e.round_id = ? AND " + ANSWERED
                + " ORDER BY s.activity_id, s.sdg_code", rs -> {
            sdgs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, roundId);
        return jdbc.query("SELECT a.id, e.member_name, a.title, a.goal_id, a.status, a.partners FROM evaluation_activity a"
                        + " JOIN member_evaluation e ON e.id = a.evaluation_id WHERE e.round_id = ? AND " + ANSWERED
                        + " ORDER BY e.member_name, a.position",
                (rs, i) -> new ActivityRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), ActivityStatus.valueOf(rs.getString(5)),
                        rs.getString(6), sdgs.getOrDefault(rs.getLong(1), List.of())), roundId);
    }

    /** One goal's average progress (0 = not started ... 3 = achieved) and answer count in one year. */
    record TrendPoint(int year, double average, long answers) {
    }

    /** Year over year for a network: per goal (by position and title), the average progress in each round. */
    record Trend(List<Integer> years, Map<String, List<TrendPoint>> goals) {

        /** Per goal, its average in each of {@link #years} (null in a year without answers), as a chart's series. */
        Map<String, List<Double>> averagesByYear() {
            Map<String, List<Double>> series = new LinkedHashMap<>();
            goals.forEach((goal, points) -> series.put(goal, years.stream().map(y -> points.stream()
                    .filter(p -> p.year() == y).map(TrendPoint::average).findFirst().orElse(null)).toList()));
            return series;
        }
    }

    Trend trend(String networkId) {
        List<Integer> years = jdbc.queryForList("SELECT year FROM evaluation_round WHERE network_id = ? ORDER BY year",
                Integer.class, networkId);
        Map<String, List<TrendPoint>> goals = new LinkedHashMap<>();
        jdbc.query("SELECT r.year, a.goal_position, a.goal_title,"
                + " AVG(CASE a.progress WHEN 'NOT_STARTED' THEN 0 WHEN 'STARTED' THEN 1 WHEN 'WELL_UNDER_WAY' THEN 2 ELSE 3 END),"
                + " COUNT(*) FROM evaluation_goal_answer a JOIN member_evaluation e ON e.id = a.evaluation_id"
                + " JOIN evaluation_round r ON r.id = e.round_id WHERE r.network_id = ? AND " + ANSWERED
                + " AND a.progress IS NOT NULL GROUP BY r.year, a.goal_position, a.goal_title ORDER BY a.goal_position, r.year",
                rs -> {
                    goals.computeIfAbsent(rs.getInt(2) + ". " + rs.getString(3), k -> new ArrayList<>())
                            .add(new TrendPoint(rs.getInt(1), Math.round(rs.getDouble(4) * 100) / 100.0, rs.getLong(5)));
                }, networkId);
        return new Trend(years, goals);
    }

    /** One member's rounds: the status and, per goal, the progress it reported. */
    record HistoryRow(int year, long evaluationId, EvaluationStatus status, Map<String, Progress> goals, long activities) {
    }

    List<HistoryRow> memberHistory(long memberId) {
        Map<Long, HistoryRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT r.year, e.id, e.status, a.goal_position, a.goal_title, a.progress,"
                + " (SELECT COUNT(*) FROM evaluation_activity x WHERE x.evaluation_id = e.id)"
                + " FROM member_evaluation e JOIN evaluation_round r ON r.id = e.round_id"
                + " LEFT JOIN evaluation_goal_answer a ON a.evaluation_id = e.id"
                + " WHERE e.member_id = ? ORDER BY r.year DESC, a.goal_position", rs -> {
            HistoryRow row = rows.computeIfAbsent(rs.getLong(2), k -> {
                try {
                    return new HistoryRow(rs.getInt(1), k, EvaluationStatus.valueOf(rs.getString(3)), new LinkedHashMap<>(),
                            rs.getLong(7));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (rs.getString(5) != null) {
                row.goals().put(rs.getInt(4) + ". " + rs.getString(5),
                        rs.getString(6) == null ? null : Progress.valueOf(rs.getString(6)));
            }
        }, memberId);
        return List.copyOf(rows.values());
    }
}
