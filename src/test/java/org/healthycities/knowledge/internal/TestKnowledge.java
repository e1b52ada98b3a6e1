package org.healthycities.knowledge.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.evaluation.internal.TestEvaluations.ReportedActivity;
import org.healthycities.support.TestPdfs;
import org.healthycities.workshop.internal.TestWorkshops;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A network whose knowledge bank holds what its features reported: member 1's shared activity and shared action plan
 * (a PDF), member 2's activity kept for the secretariat, a consolidated workshop session; another network's shared
 * activity with the same word; member 3's coordinator with an address of its own. Each made with words nobody else uses.
 */
@Component
class TestKnowledge {

    private static final Random RANDOM = new Random();

    record Bank(String network, TestEvaluations.Round round, String coordinator, Map<String, String> words) {
        String word(String kind) {
            return words.get(kind);
        }
    }

    private final TestEvaluations evaluations;
    private final TestWorkshops workshops;
    private final JdbcTemplate jdbc;

    TestKnowledge(TestEvaluations evaluations, TestWorkshops workshops, JdbcTemplate jdbc) {
        this.evaluations = evaluations;
        this.workshops = workshops;
        this.jdbc = jdbc;
    }

    /** A word nobody else uses (letters only, so the index keeps it whole). */
    static String word() {
        StringBuilder w = new StringBuilder("kb");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return w.toString();
    }

    Bank reported(String prefix) {
        Map<String, String> words = new HashMap<>();
        for (String k : List.of("shared", "hidden", "plan", "workshop", "foreign")) {
            words.put(k, word());
        }
        TestEvaluations.Round round = evaluations.round(prefix, 2026, 3);
        String network = round.network();
        evaluations.submit(round.evaluationIds().get(0), List.of(new ReportedActivity("Gåture for ældre " + words.get("shared"),
                "Hver tirsdag går vi en tur med byens ældre, " + words.get("shared") + ".", "SDG11", true)),
                TestPdfs.withText("Handleplan med " + words.get("plan") + " og bevægelse"), true);
        evaluations.submit(round.evaluationIds().get(1), List.of(new ReportedActivity("Intern sag " + words.get("hidden"),
                "Kun for sekretariatet, " + words.get("hidden") + ".", "SDG11", false)), null, false);
        workshops.consolidated(network, "Temadag om bevægelse", "Hvad virker med " + words.get("workshop") + "?",
                "Grupperne peger på " + words.get("workshop") + ".", "SDG3");
        TestEvaluations.Round other = evaluations.round(prefix + "o", 2026, 1);
        evaluations.submit(other.evaluationIds().get(0), List.of(new ReportedActivity("Fremmed " + words.get("shared"),
                "Et andet netværks aktivitet " + words.get("foreign") + ".", "SDG11", true)), null, false);
        String coordinator = "koordinator-" + words.get("shared") + "@example.org";
        jdbc.update("UPDATE member SET coordinator_email = ?, coordinator_name = 'Karin Koordinator' WHERE id = ?",
                coordinator, round.memberIds().get(2));
        return new Bank(network, round, coordinator, Map.copyOf(words));
    }
}
