package org.healthycities.evaluation.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.evaluation.ActivityStatus;
import org.healthycities.evaluation.Progress;
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
public class ReportService {

    private static final String ANSWERED = "e.status IN ('SUBMITTED', 'ACCEPTED')";
    /** Each evaluation with its submission of the form (a list's fields are rows with their list_item). */
    private static final String WITH_SUBMISSION = " JOIN form_submission s ON s.subject_type = '"
            + EvaluationService.SUBJECT_TYPE + "' AND s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci";
    /** Per list item of the goals list: the goal (its id, and its title as it was answered) and the progress. */
    private static final String GOAL_PROGRESS = " JOIN form_answer g ON g.submission_id = s.id AND g.field_key = 'goals.goal'"
            + " JOIN form_answer p ON p.submission_id = s.id AND p.field_key = 'goals.progress' AND p.list_item = g.list_item";

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
        ActivityRow with(String title, Long goalId, ActivityStatus status, String partners) {
            return new ActivityRow(id, memberName, title, goalId, status, partners, sdgs);
        }
    }

    record MissingMember(long evaluationId, String memberName, EvaluationStatus status) {
    }

    public record RoundReport(EvaluationRound round, RoundService.Counts counts, List<MissingMember> missing,
                       List<GoalDistribution> goals, List<TagCount> sdgs, List<TagCount> sixPs, List<Quote> quotes,
                       Map<GoalDistribution, List<ActivityRow>> activitiesByGoal, List<ActivityRow> activitiesWithoutGoal) {
    }

    public RoundReport round(EvaluationRound round, Locale locale) {
        long id = round.getId();
        List<MissingMember> missing = jdbc.query("SELECT id, member_name, status FROM member_evaluation e"
                        + " WHERE round_id = ? AND NOT " + ANSWERED + " ORDER BY member_name",
                (rs, i) -> new MissingMember(rs.getLong(1), rs.getString(2), EvaluationStatus.valueOf(rs.getString(3))), id);
        List<GoalDistribution> goals = goals(id);
        Map<String, Long> tagCounts = tagCounts(id);
        List<TagCount> sdgs = networks.sdgs().stream().map(t -> new TagCount(t.getCode(), t.getPosition() + ". " + t.name(locale),
                tagCounts.getOrDefault(Tag.SDG + ":" + t.getCode(), 0L))).toList();
        List<TagCount> sixPs = networks.sixPs().stream().map(t -> new TagCount(t.getCode(), t.name(locale),
                tagCounts.getOrDefault(Tag.SIX_P + ":" + t.getCode(), 0L))).toList();
        List<Quote> quotes = quotes(id);
        List<ActivityRow> activities = activities(id);
        Map<GoalDistribution, List<ActivityRow>> byGoal = new LinkedHashMap<>();
        for (GoalDistribution g : goals) {
            byGoal.put(g, activities.stream().filter(a -> a.goalId() != null && a.goalId() == g.goalId()).toList());
        }
        List<ActivityRow> withoutGoal = activities.stream()
                .filter(a -> a.goalId() == null || goals.stream().noneMatch(g -> g.goalId() == a.goalId())).toList();
        return new RoundReport(round, rounds.counts(id), missing, goals, sdgs, sixPs, quotes, byGoal, withoutGoal);
    }

    /** How many members handed in each SDG and WHO 6 P, by "SDG:code" and "SIX_P:code". */
    Map<String, Long> tagCounts(long roundId) {
        Map<String, Long> tagCounts = new LinkedHashMap<>();
        jdbc.query("SELECT a.field_key, a.option_value, COUNT(*) FROM member_evaluation e" + WITH_SUBMISSION
                + " JOIN form_answer a ON a.submission_id = s.id AND a.field_key IN ('sdg', 'sixP') AND a.list_item IS NULL"
                + " WHERE e.round_id = ? AND " + ANSWERED + " GROUP BY a.field_key, a.option_value",
                rs -> { tagCounts.put(("sdg".equals(rs.getString(1)) ? Tag.SDG : Tag.SIX_P) + ":" + rs.getString(2),
                        rs.getLong(3)); }, roundId);
        return tagCounts;
    }

    /** What each member handed in on inequality in health, by member name. */
    List<Quote> quotes(long roundId) {
        return jdbc.query("SELECT e.member_name, a.text_value FROM member_evaluation e" + WITH_SUBMISSION
                        + " JOIN form_answer a ON a.submission_id = s.id AND a.field_key = 'inequality'"
                        + " WHERE e.round_id = ? AND " + ANSWERED + " ORDER BY e.member_name",
                (rs, i) -> new Quote(rs.getString(1), rs.getString(2)), roundId);
    }

    /** Every goal of the round's answers, with zeros where nobody chose a step. */
    List<GoalDistribution> goals(long roundId) {
        Map<Long, GoalDistribution> goals = new LinkedHashMap<>();
        jdbc.query("SELECT CAST(g.option_value AS UNSIGNED), g.list_item + 1, g.text_value, p.option_value, COUNT(*)"
                + " FROM member_evaluation e" + WITH_SUBMISSION + GOAL_PROGRESS + " WHERE e.round_id = ? AND " + ANSWERED
                + " GROUP BY g.option_value, g.list_item, g.text_value, p.option_value"
                + " ORDER BY g.list_item, g.option_value", rs -> {
            GoalDistribution g = goals.computeIfAbsent(rs.getLong(1), k -> {
                try {
                    return new GoalDistribution(k, rs.getInt(2), rs.getString(3), new EnumMap<>(Progress.class));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            g.counts().put(Progress.valueOf(rs.getString(4)), rs.getLong(5));
        }, roundId);
        return List.copyOf(goals.values());
    }

    List<ActivityRow> activities(long roundId) {
        // one row per field of each activity (a list item of the form), put together in the order of the page
        Map<String, ActivityRow> rows = new LinkedHashMap<>();
        jdbc.query("SELECT s.id, a.list_item, e.member_name, a.field_key, a.text_value, a.option_value FROM member_evaluation e"
                + WITH_SUBMISSION + " JOIN form_answer a ON a.submission_id = s.id AND a.field_key LIKE 'activities.%'"
                + " WHERE e.round_id = ? AND " + ANSWERED + " ORDER BY e.member_name, s.id, a.list_item, a.id", rs -> {
            long submission = rs.getLong(1);
            int item = rs.getInt(2);
            ActivityRow row = rows.computeIfAbsent(submission + ":" + item, k -> {
                try {
                    return new ActivityRow(submission * 1000 + item, rs.getString(3), null, null, ActivityStatus.ONGOING,
                            null, new ArrayList<>());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String option = rs.getString(6);
            String text = rs.getString(5);
            rows.put(submission + ":" + item, switch (rs.getString(4)) {
                case "activities.title" -> row.with(text, row.goalId(), row.status(), row.partners());
                case "activities.goal" -> row.with(row.title(), option == null || !option.matches("\\d{1,18}") ? null
                        : Long.valueOf(option), row.status(), row.partners());
                case "activities.status" -> row.with(row.title(), row.goalId(), ActivityStatus.valueOf(option), row.partners());
                case "activities.partners" -> row.with(row.title(), row.goalId(), row.status(), text);
                case "activities.sdgs" -> {
                    row.sdgs().add(option);
                    yield row;
                }
                default -> row;
            });
        }, roundId);
        return rows.values().stream().map(r -> new ActivityRow(r.id(), r.memberName(), r.title(), r.goalId(), r.status(),
                r.partners(), r.sdgs().stream().sorted().toList())).toList();
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

    public Trend trend(String networkId) {
        List<Integer> years = jdbc.queryForList("SELECT year FROM evaluation_round WHERE network_id = ? ORDER BY year",
                Integer.class, networkId);
        Map<String, List<TrendPoint>> goals = new LinkedHashMap<>();
        jdbc.query("SELECT r.year, g.list_item + 1, g.text_value,"
                + " AVG(CASE p.option_value WHEN 'NOT_STARTED' THEN 0 WHEN 'STARTED' THEN 1 WHEN 'WELL_UNDER_WAY' THEN 2 ELSE 3 END),"
                + " COUNT(*) FROM member_evaluation e" + WITH_SUBMISSION + GOAL_PROGRESS
                + " JOIN evaluation_round r ON r.id = e.round_id WHERE r.network_id = ? AND " + ANSWERED
                + " GROUP BY r.year, g.list_item, g.text_value ORDER BY g.list_item, r.year",
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
        jdbc.query("SELECT r.year, e.id, e.status, g.list_item + 1, g.text_value, p.option_value,"
                + " (SELECT COUNT(DISTINCT x.list_item) FROM form_answer x WHERE x.submission_id = s.id"
                + " AND x.field_key = 'activities.title')"
                + " FROM member_evaluation e JOIN evaluation_round r ON r.id = e.round_id"
                + " LEFT JOIN form_submission s ON s.subject_type = '" + EvaluationService.SUBJECT_TYPE
                + "' AND s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci"
                + " LEFT JOIN form_answer g ON g.submission_id = s.id AND g.field_key = 'goals.goal'"
                + " LEFT JOIN form_answer p ON p.submission_id = s.id AND p.field_key = 'goals.progress' AND p.list_item = g.list_item"
                + " WHERE e.member_id = ? ORDER BY r.year DESC, g.list_item", rs -> {
            HistoryRow row = rows.computeIfAbsent(rs.getLong(2), k -> {
                try {
                    return new HistoryRow(rs.getInt(1), k, EvaluationStatus.valueOf(rs.getString(3)), new LinkedHashMap<>(),
                            rs.getLong(7));
                } catch (SQLException e) {
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
