package org.healthycities.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.forms.DocumentRef;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Tag;

/**
 * One member's answers as its submission of forms/annual-evaluation.form holds them, read for the review, the
 * printable page and the exports. The submission is the store; this only names its fields.
 */
public record EvaluationAnswers(List<Goal> goals, List<Activity> activities, List<String> sdgs, List<String> sixPs,
                                List<ThemeGroup> themeGroups, String inequalityText, String wishesText,
                                DocumentRef document, boolean planShared) {

    /** The form's fields (forms/annual-evaluation.form): a list's field is answered per item as path[i].key. */
    public static final String GOALS = "goals", GOAL = "goal", PROGRESS = "progress", WHAT_DONE = "whatDone",
            ACTIVITIES = "activities", TITLE = "title", STATUS = "status", PARTNERS = "partners", ACTIVITY_SDGS = "sdgs",
            DESCRIPTION = "description", RESULTS = "results", SHARED = "shared", PLAN_SHARED = "planShared",
            SDGS = "sdg", SIX_PS = "sixP", THEME_GROUPS = "themeGroup", INEQUALITY = "inequality", WISHES = "wishes",
            DOCUMENT = "document";
    private static final Pattern ITEM = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

    public record Goal(Long goalId, int goalPosition, String goalTitle, Progress progress, String whatDone) {
    }

    /** One reported activity; shared only when the coordinator ticked it (answers from before the choice are not). */
    public record Activity(int position, String title, Long goalId, ActivityStatus status, String partners,
                           List<String> sdgs, String description, String results, boolean shared) {
    }

    public record ThemeGroup(Long id, String name) {
    }

    public boolean hasTag(String tagSet, String code) {
        return (Tag.SDG.equals(tagSet) ? sdgs : sixPs).contains(code);
    }

    public Long documentId() {
        return document == null ? null : document.documentId();
    }

    /** The answers (typed as the forms engine gives them) read with the round's goals and the network's theme groups. */
    public static EvaluationAnswers of(Map<String, Object> answers, List<StrategicGoal> strategyGoals,
                                List<org.healthycities.network.ThemeGroup> networkGroups) {
        int goalItems = items(answers, GOALS), activityItems = items(answers, ACTIVITIES);
        List<Goal> goals = new ArrayList<>();
        for (int i = 0; i < goalItems; i++) {
            Long id = id(answers.get(GOALS + "[" + i + "]." + GOAL));
            StrategicGoal g = strategyGoals.stream().filter(s -> s.getId().equals(id)).findFirst().orElse(null);
            String progress = text(answers.get(GOALS + "[" + i + "]." + PROGRESS));
            goals.add(new Goal(id, g == null ? i + 1 : g.getPosition(), g == null ? "" : g.getTitle(),
                    progress == null ? null : Progress.valueOf(progress), text(answers.get(GOALS + "[" + i + "]." + WHAT_DONE))));
        }
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < activityItems; i++) {
            String p = ACTIVITIES + "[" + i + "].";
            String status = text(answers.get(p + STATUS));
            activities.add(new Activity(i, text(answers.get(p + TITLE)), id(answers.get(p + GOAL)),
                    status == null ? ActivityStatus.ONGOING : ActivityStatus.valueOf(status), text(answers.get(p + PARTNERS)),
                    list(answers.get(p + ACTIVITY_SDGS)), text(answers.get(p + DESCRIPTION)), text(answers.get(p + RESULTS)),
                    Boolean.TRUE.equals(answers.get(p + SHARED))));
        }
        List<String> groupIds = list(answers.get(THEME_GROUPS));
        List<ThemeGroup> groups = networkGroups.stream().filter(g -> groupIds.contains(String.valueOf(g.getId())))
                .map(g -> new ThemeGroup(g.getId(), g.getName())).toList();
        return new EvaluationAnswers(List.copyOf(goals), List.copyOf(activities), list(answers.get(SDGS)),
                list(answers.get(SIX_PS)), groups, text(answers.get(INEQUALITY)), text(answers.get(WISHES)),
                answers.get(DOCUMENT) instanceof DocumentRef d ? d : null, Boolean.TRUE.equals(answers.get(PLAN_SHARED)));
    }

    private static int items(Map<String, Object> answers, String path) {
        int n = 0;
        for (String key : answers.keySet()) {
            Matcher m = ITEM.matcher(key);
            if (m.matches() && m.group(1).equals(path)) {
                n = Math.max(n, Integer.parseInt(m.group(2)) + 1);
            }
        }
        return n;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString();
    }

    private static Long id(Object v) {
        return v == null || !v.toString().matches("\\d{1,18}") ? null : Long.valueOf(v.toString());
    }

    private static List<String> list(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}
