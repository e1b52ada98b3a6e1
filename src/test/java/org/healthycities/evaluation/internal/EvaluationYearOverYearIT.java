package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.answers;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.runJobsUntil;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.evaluation.Progress;
import org.healthycities.forms.SaveResult;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Three yearly rounds lived through and closed, each on its own fixed date: the year-over-year figures equal what
 * SQL counts from the stored answers, and the round's PDF report holds the members and figures of its round.
 */
@IntegrationTest
class EvaluationYearOverYearIT {

    private static final Progress[][] PROGRESS = {
            {Progress.NOT_STARTED, Progress.STARTED},        // 2031: member 1, member 2 (member 3 does not answer)
            {Progress.STARTED, Progress.WELL_UNDER_WAY},     // 2032
            {Progress.WELL_UNDER_WAY, Progress.ACHIEVED}};   // 2033

    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundService rounds;
    @Autowired RoundRepository roundRepository;
    @Autowired EvaluationService evaluations;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired ReportService reports;
    @Autowired ReportExports exports;
    @Autowired NetworkDirectory networks;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    @Test
    void threeClosedRoundsGiveTheTrendSqlCountsAndEachPdfNamesItsMembersAndFigures() throws IOException {
        String network = testNetworks.create("evy", 3, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        rounds.saveSettings(network, false, 2, 1, 28, 7);
        for (int i = 1; i <= 3; i++) {
            testMembers.activeMember(network, TestNetworks.code(i));
        }
        List<Long> goals = testNetworks.goalIds(network);
        for (int y = 0; y < 3; y++) {
            int year = 2031 + y;
            TestClock.set(LocalDate.of(year + 1, 2, 1).atTime(9, 0));
            EvaluationRound round = rounds.startByHand(network, year, "test");
            runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 3);
            List<MemberEvaluation> list = evaluationRepository.findByRoundIdOrderByMemberName(round.getId());
            for (int m = 0; m < 2; m++) {
                MemberEvaluation e = evaluations.evaluation(list.get(m).getId());
                assertThat(EvaluationTestSupport.save(evaluations, e.getId(), answers(0, goals, PROGRESS[y][m]), true))
                        .isInstanceOf(SaveResult.Submitted.class);
                assertThat(evaluations.review(e.getId(), true, null, "sek")).isTrue();
            }
            DueJobs.ofTenant(management, network).walkUntil(
                    round.getClosesOn().plusDays(2).atStartOfDay(TestClock.COPENHAGEN).toInstant());
            EvaluationRound closed = roundRepository.findById(round.getId()).orElseThrow();
            assertThat(closed.isClosed()).as("round %s closed", year).isTrue();
            assertThat(closed.getMissingCount()).isEqualTo(1);

            String pdf = text(exports.pdf(reports.round(closed, Locale.forLanguageTag("da")),
                    networks.network(network).orElseThrow(), Locale.forLanguageTag("da")));
            assertThat(pdf).contains(String.valueOf(year)).contains("Besvaret: 2 af 3 (67 %)")
                    .contains(list.get(2).getMemberName()) // the one missing, by name
                    .contains(TestNetworks.GOALS.get(0)).contains("Sund skolevej");
            assertThat(pdf).as("the answering members beside their activity").contains(list.get(0).getMemberName())
                    .contains(list.get(1).getMemberName());
        }

        ReportService.Trend trend = reports.trend(network);
        assertThat(trend.years()).containsExactly(2031, 2032, 2033);
        Map<String, Double> expected = new HashMap<>();
        // the progress answered in each goal's list item (item 0 is goal 1), straight from the forms engine's rows
        jdbc.query("SELECT r.year, p.list_item + 1, p.option_value FROM form_answer p"
                        + " JOIN form_submission s ON s.id = p.submission_id AND s.subject_type = 'evaluation'"
                        + " JOIN member_evaluation e ON s.subject_id = CAST(e.id AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_unicode_ci JOIN evaluation_round r ON r.id = e.round_id"
                        + " WHERE r.network_id = ? AND e.status = 'ACCEPTED' AND p.field_key = 'goals.progress'", rs -> {
                    expected.merge(rs.getInt(1) + "/" + rs.getInt(2), Progress.valueOf(rs.getString(3)).ordinal() / 2.0, Double::sum);
                }, network);
        assertThat(trend.goals()).hasSize(4);
        trend.goals().forEach((goal, points) -> {
            int position = Integer.parseInt(goal.substring(0, goal.indexOf('.')));
            assertThat(points).extracting(ReportService.TrendPoint::year).containsExactly(2031, 2032, 2033);
            points.forEach(p -> {
                assertThat(p.answers()).as("two answers per goal and year").isEqualTo(2);
                assertThat(p.average()).as("%s in %s", goal, p.year()).isEqualTo(expected.get(p.year() + "/" + position));
            });
        });
        // the figures themselves, so that a wrong query and a wrong expectation cannot agree by chance
        assertThat(trend.goals().values().iterator().next()).extracting(ReportService.TrendPoint::average)
                .containsExactly(0.5, 1.5, 2.5);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
