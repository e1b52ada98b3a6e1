package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.evaluation.Progress;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.Browser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole year in a browser: the secretariat starts a round for three members, a coordinator answers
 * through the mailed private link, is sent back, fixes and resubmits, is accepted, the round closes, and
 * the report's charts show the numbers the database holds.
 */
@IntegrationTest
class EvaluationBrowserIT {

    private static final Pattern LINK = Pattern.compile("/evaluation/([A-Za-z0-9_-]{40,})");

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundRepository roundRepository;
    @Autowired RoundService rounds;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired EvaluationService evaluations;
    @Autowired EvaluationEvents events;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aRoundFromStartToReport() {
        String network = testNetworks.create("evb", 5, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        for (int i = 1; i <= 3; i++) {
            testMembers.activeMember(network, TestNetworks.code(i));
        }
        rounds.saveSettings(network, false, 6, 3, 28, 7); // the clock moves only weeks (see EvaluationProcessIT)
        List<Long> goals = testNetworks.goalIds(network);
        String secretary = TestUsers.create(identity, "evbrowser", CurrentUser.SECRETARIAT, network);

        TestClock.startAt(LocalDateTime.of(2032, 3, 10, 9, 30)); // a fixed day whose time runs
        try (Browser office = Browser.open(port, false); Browser coordinator = Browser.open(port, true)) {
            office.login(secretary, TestUsers.PASSWORD);
            office.go("/evaluations").checkPage("evaluation-01-rounds");
            office.type("#year", "2045").click("form[action='/evaluations/start'] button[type=submit]")
                    .waitForText("Runden er startet");
            EvaluationRound round = roundRepository.findByNetworkIdAndYear(network, 2045).orElseThrow();
            EvaluationTestSupport.runJobsUntil(management, network, () -> evaluationRepository
                    .findByRoundIdOrderByMemberName(round.getId()).stream().allMatch(e -> e.getInvitedAt() != null)
                    && evaluationRepository.countByRoundId(round.getId()) == 3);
            office.waitForText("Invitationer sendt: 3 af 3").checkPage("evaluation-02-round-open");

            List<MemberEvaluation> list = evaluationRepository.findByRoundIdOrderByMemberName(round.getId());
            MemberEvaluation first = list.get(0);
            String token = mailedToken(network, first.getMemberName());

            coordinator.go("/evaluation/" + token).waitForText(TestNetworks.GOALS.get(0)).checkPage("evaluation-03-form-phone");
            assertThat(coordinator.overflowsHorizontally()).as("the form scrolls sideways at 360 px").isFalse();
            Progress[] firstTry = {Progress.STARTED, Progress.STARTED, Progress.NOT_STARTED, Progress.STARTED};
            for (int i = 0; i < goals.size(); i++) {
                coordinator.click("input[name='f.goals[" + i + "].progress'][value='" + firstTry[i] + "']");
                coordinator.type("#f-goals-" + i + "--whatDone", "Arbejde med pejlemærke " + (i + 1));
            }
            coordinator.type("#f-activities-0--title", "Sunde skolemåltider");
            new org.openqa.selenium.support.ui.Select(coordinator.find("#f-activities-0--goal")).selectByValue(goals.get(1).toString());
            coordinator.type("#f-activities-0--partners", "Skoler og forældre");
            coordinator.click("input[name='f.sdg'][value='SDG3']").click("input[name='f.sdg'][value='SDG10']")
                    .click("input[name='f.sixP'][value='PEOPLE']");
            coordinator.click("button[value=save]").waitForText("Kladden er gemt");
            assertThat(coordinator.find("#sections-progress").getText()).isEqualTo("3 af 5 dele er udfyldt");
            // a submission without what it needs is refused: the summary says so and has the focus
            coordinator.click("button[value=submit]").waitForText("Hvordan har arbejdet taget fat på ulighed i sundhed?: Udfyld feltet.");
            assertThat(coordinator.driver().executeScript("return document.activeElement && document.activeElement.id"))
                    .as("the focus is on the error summary").isEqualTo("error-summary");
            assertThat(coordinator.overflowsHorizontally()).as("the refused form at 360 px").isFalse();
            coordinator.checkPage("evaluation-03b-refused-phone");
            coordinator.click("#error-summary a[href='#f-inequality']");
            assertThat(coordinator.driver().executeScript("return document.activeElement && document.activeElement.id"))
                    .as("the summary's link leads to the field").isEqualTo("f-inequality");
            coordinator.type("#f-inequality", "Vi har fokuseret på familier i udsatte boligområder.");
            coordinator.click("button[value=submit]").waitForText("Tak! Evalueringen er indsendt").checkPage("evaluation-04-submitted");

            office.go("/evaluations/" + first.getId()).waitForText("Gennemgang").checkPage("evaluation-05-review");
            office.type("#comment", "Beskriv gerne pejlemærke 3 nærmere.").click("button[value=sendBack]")
                    .waitForText("Evalueringen er sendt tilbage til koordinatoren.");
            EvaluationTestSupport.runJobsUntil(management, network,
                    () -> events.count(first.getId(), EvaluationEvents.SENT_BACK_MAIL) == 1);

            coordinator.go("/evaluation/" + token).waitForText("Beskriv gerne pejlemærke 3 nærmere.")
                    .checkPage("evaluation-06-sent-back");
            coordinator.click("input[name='f.goals[0].progress'][value='ACHIEVED']");
            coordinator.click("input[name='f.goals[2].progress'][value='WELL_UNDER_WAY']");
            coordinator.type("#f-goals-2--whatDone", "Nyt samarbejde med universitetet.");
            coordinator.click("button[value=submit]").waitForText("Tak! Evalueringen er indsendt");

            office.go("/evaluations/" + first.getId()).waitForText("Nyt samarbejde med universitetet.");
            office.click("button[value=accept]").waitForText("Evalueringen er godkendt.");

            // the second member answers and is accepted; the third never answers
            MemberEvaluation second = list.get(1);
            var answers = EvaluationTestSupport.answers(0, goals, Progress.STARTED);
            EvaluationTestSupport.save(evaluations, second.getId(), answers, true);
            evaluations.review(second.getId(), true, null, secretary);
            EvaluationTestSupport.setClock(round.getClosesOn().plusDays(1).atTime(1, 0));
            EvaluationTestSupport.runJobsUntil(management, network,
                    () -> roundRepository.findById(round.getId()).orElseThrow().isClosed());
            TestClock.startAt(round.getClosesOn().plusDays(1).atTime(1, 0));

            office.go("/evaluations/rounds/" + round.getId() + "/report").waitForText("Besvaret: 2 af 3 (67 %)");
            assertThat(office.find("#missing").getText()).contains(list.get(2).getMemberName());
            office.checkPage("evaluation-07-report");
            for (int i = 0; i < goals.size(); i++) {
                List<Long> inDatabase = distribution(round.getId(), goals.get(i));
                Object drawn = office.driver().executeScript(
                        "var c = Chart.getChart(document.querySelector('#goal-" + (i + 1) + " canvas'));"
                                + " return c ? c.data.datasets[0].data : null;");
                assertThat(drawn).as("chart of goal " + (i + 1) + " is drawn").isNotNull();
                assertThat(((List<?>) drawn).stream().map(n -> ((Number) n).longValue()).toList())
                        .as("chart of goal " + (i + 1)).isEqualTo(inDatabase);
            }
            assertThat(distribution(round.getId(), goals.get(0))).containsExactly(0L, 1L, 0L, 1L);
            assertThat(distribution(round.getId(), goals.get(2))).containsExactly(0L, 1L, 1L, 0L);
            Object sdg3 = office.driver().executeScript(
                    "var c = Chart.getChart(document.getElementById('sdg-chart')); return c.data.datasets[0].data[2];");
            assertThat(((Number) sdg3).longValue()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM form_answer a"
                    + " JOIN form_submission s ON s.id = a.submission_id AND s.subject_type = 'evaluation'"
                    + " JOIN member_evaluation e ON s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci WHERE e.round_id = ?"
                    + " AND a.field_key = 'sdg' AND a.option_value = 'SDG3' AND e.status IN ('SUBMITTED', 'ACCEPTED')",
                    Long.class, round.getId())).isEqualTo(2);

            office.go("/evaluations/networks/" + network + "/trend").waitForText("2045").checkPage("evaluation-08-trend");
            coordinator.go("/evaluation/" + token + "/history").waitForText("2045").checkPage("evaluation-09-history-phone");
        }
    }

    /** The number of members per step of the scale (not started … achieved) for a goal, straight from the database. */
    private List<Long> distribution(long roundId, long goalId) {
        List<Long> counts = new ArrayList<>();
        for (Progress p : Progress.values()) {
            // the goal's list item and its progress in the same item of each member's submission
            counts.add(jdbc.queryForObject("SELECT COUNT(*) FROM member_evaluation e JOIN form_submission s"
                    + " ON s.subject_type = 'evaluation' AND s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci"
                    + " JOIN form_answer g ON g.submission_id = s.id AND g.field_key = 'goals.goal' AND g.option_value = ?"
                    + " JOIN form_answer p ON p.submission_id = s.id AND p.field_key = 'goals.progress'"
                    + " AND p.list_item = g.list_item AND p.option_value = ?"
                    + " WHERE e.round_id = ? AND e.status IN ('SUBMITTED', 'ACCEPTED')", Long.class,
                    String.valueOf(goalId), p.name(), roundId));
        }
        return counts;
    }

    /** The private link from the invitation mail the member's coordinator received. */
    private String mailedToken(String network, String memberName) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            for (MimeMessage mail : MailServer.mailsTo("anne@example.org")) {
                String html = MailServer.html(mail);
                if (html.contains(network) && html.contains(memberName)) {
                    Matcher m = LINK.matcher(html);
                    assertThat(m.find()).as("a link in the invitation").isTrue();
                    return m.group(1);
                }
            }
            EvaluationTestSupport.sleep(250);
        }
        throw new AssertionError("no invitation mail for " + memberName + " in " + network);
    }
}
