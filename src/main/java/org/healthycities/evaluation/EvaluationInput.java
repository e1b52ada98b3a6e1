package org.healthycities.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * What the coordinator typed into the evaluation form, kept as typed (strings) so that a refused form is
 * shown again with every input in place. Built from the saved evaluation for the first view.
 */
final class EvaluationInput {

    static final int MAX_TEXT = 5000;
    static final int MAX_TITLE = 300;
    static final int MAX_PARTNERS = 1000;
    static final int MAX_ACTIVITIES = 100;

    record ActivityInput(String title, String goalId, String status, String partners, List<String> sdgs,
                         String carriedFrom) {
        boolean blank() {
            return title.isBlank() && partners.isBlank() && sdgs.isEmpty();
        }

        public boolean hasSdg(String code) {
            return sdgs.contains(code);
        }
    }

    /** A message for a field (a message key and its arguments). */
    record Problem(String field, String messageKey, Object... args) {
    }

    int version;
    final Map<Long, String> progress = new LinkedHashMap<>();
    final Map<Long, String> whatDone = new LinkedHashMap<>();
    final List<ActivityInput> activities = new ArrayList<>();
    final Set<String> sdgs = new LinkedHashSet<>();
    final Set<String> sixPs = new LinkedHashSet<>();
    final Set<String> themeGroups = new LinkedHashSet<>();
    String inequality = "";
    String wishes = "";

    // read by the template
    public int getVersion() { return version; }
    public String progress(Long goalId) { return progress.getOrDefault(goalId, ""); }
    public String whatDone(Long goalId) { return whatDone.getOrDefault(goalId, ""); }
    public List<ActivityInput> getActivities() { return activities; }
    public boolean hasSdg(String code) { return sdgs.contains(code); }
    public boolean hasSixP(String code) { return sixPs.contains(code); }
    public boolean inThemeGroup(Long id) { return themeGroups.contains(String.valueOf(id)); }
    public String getInequality() { return inequality; }
    public String getWishes() { return wishes; }

    static EvaluationInput of(MemberEvaluation e) {
        EvaluationInput in = new EvaluationInput();
        in.version = e.getVersion();
        for (GoalAnswer g : e.getGoals()) {
            in.progress.put(g.getGoalId(), g.getProgress() == null ? "" : g.getProgress().name());
            in.whatDone.put(g.getGoalId(), nz(g.getWhatDone()));
        }
        for (Activity a : e.getActivities()) {
            in.activities.add(new ActivityInput(a.getTitle(), a.getGoalId() == null ? "" : a.getGoalId().toString(),
                    a.getStatus().name(), nz(a.getPartners()), List.copyOf(a.getSdgs()),
                    a.getCarriedFromId() == null ? "" : a.getCarriedFromId().toString()));
        }
        e.getTags().forEach(t -> (t.getTagSet().equals("SDG") ? in.sdgs : in.sixPs).add(t.getCode()));
        e.getThemeGroups().forEach(t -> in.themeGroups.add(t.getThemeGroupId().toString()));
        in.inequality = nz(e.getInequalityText());
        in.wishes = nz(e.getWishesText());
        return in;
    }

    static EvaluationInput parse(MultiValueMap<String, String> p, List<Long> goalIds) {
        EvaluationInput in = new EvaluationInput();
        try {
            in.version = Integer.parseInt(first(p, "version"));
        } catch (NumberFormatException e) {
            in.version = -1;
        }
        for (Long id : goalIds) {
            in.progress.put(id, first(p, "goal." + id + ".progress"));
            in.whatDone.put(id, first(p, "goal." + id + ".whatDone"));
        }
        for (int i = 0; i < MAX_ACTIVITIES + 1; i++) {
            String prefix = "activity." + i + ".";
            if (!p.containsKey(prefix + "title")) {
                break;
            }
            in.activities.add(new ActivityInput(first(p, prefix + "title"), first(p, prefix + "goal"),
                    first(p, prefix + "status"), first(p, prefix + "partners"),
                    List.copyOf(p.getOrDefault(prefix + "sdg", List.of())), first(p, prefix + "carriedFrom")));
        }
        in.sdgs.addAll(p.getOrDefault("sdg", List.of()));
        in.sixPs.addAll(p.getOrDefault("sixP", List.of()));
        in.themeGroups.addAll(p.getOrDefault("themeGroup", List.of()));
        in.inequality = first(p, "inequality");
        in.wishes = first(p, "wishes");
        return in;
    }

    /** Drops rows the person left empty (e.g. the spare blank row). */
    void dropBlankActivities() {
        activities.removeIf(ActivityInput::blank);
    }

    void addBlankActivity() {
        activities.add(new ActivityInput("", "", ActivityStatus.ONGOING.name(), "", List.of(), ""));
    }

    /**
     * Checks the input against the round's goals and the known tags and theme groups. A draft may leave
     * things out; a submission must give progress for every goal and say how the work met inequality.
     */
    List<Problem> check(boolean submit, List<Long> goalIds, Set<String> sdgCodes, Set<String> sixPCodes,
                        Set<String> themeGroupIds) {
        List<Problem> problems = new ArrayList<>();
        for (Long id : goalIds) {
            String p = progress(id);
            if (p.isBlank()) {
                if (submit) {
                    problems.add(new Problem("goal." + id + ".progress", "evaluation.error.progress"));
                }
            } else if (!valid(Progress.class, p)) {
                problems.add(new Problem("goal." + id + ".progress", "evaluation.error.choice"));
            }
            if (whatDone(id).length() > MAX_TEXT) {
                problems.add(new Problem("goal." + id + ".whatDone", "evaluation.error.tooLong", MAX_TEXT));
            }
        }
        if (activities.size() > MAX_ACTIVITIES) {
            problems.add(new Problem("activities", "evaluation.error.tooManyActivities", MAX_ACTIVITIES));
        }
        for (int i = 0; i < activities.size(); i++) {
            ActivityInput a = activities.get(i);
            String f = "activity." + i + ".";
            if (a.title().isBlank()) {
                problems.add(new Problem(f + "title", "evaluation.error.activityTitle", i + 1));
            } else if (a.title().length() > MAX_TITLE) {
                problems.add(new Problem(f + "title", "evaluation.error.tooLong", MAX_TITLE));
            }
            if (!a.goalId().isBlank() && goalIds.stream().noneMatch(g -> g.toString().equals(a.goalId()))) {
                problems.add(new Problem(f + "goal", "evaluation.error.choice"));
            }
            if (!valid(ActivityStatus.class, a.status())) {
                problems.add(new Problem(f + "status", "evaluation.error.choice"));
            }
            if (a.partners().length() > MAX_PARTNERS) {
                problems.add(new Problem(f + "partners", "evaluation.error.tooLong", MAX_PARTNERS));
            }
            if (!sdgCodes.containsAll(a.sdgs())) {
                problems.add(new Problem(f + "sdg", "evaluation.error.choice"));
            }
        }
        if (!sdgCodes.containsAll(sdgs)) {
            problems.add(new Problem("sdg", "evaluation.error.choice"));
        }
        if (!sixPCodes.containsAll(sixPs)) {
            problems.add(new Problem("sixP", "evaluation.error.choice"));
        }
        if (!themeGroupIds.containsAll(themeGroups)) {
            problems.add(new Problem("themeGroup", "evaluation.error.choice"));
        }
        if (submit && inequality.isBlank()) {
            problems.add(new Problem("inequality", "evaluation.error.inequality"));
        }
        if (inequality.length() > MAX_TEXT) {
            problems.add(new Problem("inequality", "evaluation.error.tooLong", MAX_TEXT));
        }
        if (wishes.length() > MAX_TEXT) {
            problems.add(new Problem("wishes", "evaluation.error.tooLong", MAX_TEXT));
        }
        return problems;
    }

    private static <E extends Enum<E>> boolean valid(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String first(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        return v == null ? "" : v.strip();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
