package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The yearly evaluation lived through on every date of {@link org.healthycities.support.CalendarMatrix}: the
 * calendar opens the round on the network's date, the coordinator is invited that day, reminded 14 days later and
 * 7 days before the deadline (each in the morning of the network's day), the secretariat follows up from the day
 * after the deadline, and the round closes the day after deadline plus grace. The clock runs from timer to timer.
 */
@IntegrationTest
class EvaluationCalendarMatrixIT {

    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundService rounds;
    @Autowired RoundRepository roundRepository;
    @Autowired EvaluationRepository evaluations;
    @Autowired EvaluationEvents events;
    @Autowired ManagementService management;
    @Autowired HistoryService history;

    @ParameterizedTest
    @MethodSource("org.healthycities.support.CalendarMatrix#startDates")
    void everyStepOnItsOwnDayInTheNetworksZone(LocalDate start) {
        String network = testNetworks.create("evc", 1, "evaluation-calendar.bpmn", "annual-evaluation.bpmn",
                "member-evaluation.bpmn");
        testMembers.activeMember(network, TestNetworks.code(1));
        TestClock.set(start.minusDays(1).atTime(12, 0));
        rounds.saveSettings(network, true, start.getMonthValue(), start.getDayOfMonth(), 56, 14);

        DueJobs.ofTenant(management, network).walkUntil(local(start.plusDays(90), LocalTime.NOON));

        EvaluationRound round = roundRepository.findByNetworkIdAndYear(network, start.getYear() - 1).orElseThrow();
        assertThat(round.getStartDate()).isEqualTo(start);
        LocalDate deadline = start.plusDays(56);
        assertThat(round.getDeadline()).isEqualTo(deadline);
        MemberEvaluation e = evaluations.findByRoundIdOrderByMemberName(round.getId()).get(0);
        List<Instant> invited = times(e, EvaluationEvents.INVITED);
        List<Instant> reminded = times(e, EvaluationEvents.REMINDED);
        assertThat(invited).hasSize(1);
        assertThat(day(invited.get(0))).as("invited on the round's first day").isEqualTo(start);
        assertThat(reminded).as("two reminders").containsExactly(
                local(start.plusDays(14), ReminderSchedule.REMINDER_TIME),
                local(deadline.minusDays(7), ReminderSchedule.REMINDER_TIME));
        assertThat(reminded).allSatisfy(r -> assertThat(day(r)).isBefore(deadline));

        HistoricTaskInstance followUp = history.createHistoricTaskInstanceQuery().tenantIdIn(network)
                .taskDefinitionKey("Task_FollowUp").singleResult();
        assertThat(followUp.getStartTime().toInstant()).as("the follow-up starts as the deadline's day ends")
                .isEqualTo(deadline.plusDays(1).atStartOfDay(TestClock.COPENHAGEN).toInstant());
        EvaluationRound closed = roundRepository.findById(round.getId()).orElseThrow();
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.getClosedAt()).as("closed as deadline plus grace ends")
                .isEqualTo(deadline.plusDays(15).atStartOfDay(TestClock.COPENHAGEN).toInstant());
        assertThat(closed.getMissingCount()).isEqualTo(1);
        assertThat(invited.get(0)).isBefore(reminded.get(0));
        assertThat(reminded.get(1)).isBefore(followUp.getStartTime().toInstant());
    }

    private List<Instant> times(MemberEvaluation e, String kind) {
        return events.of(e.getId()).stream().filter(ev -> ev.kind().equals(kind)).map(EvaluationEvents.Event::occurredAt).toList();
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(TestClock.COPENHAGEN).toLocalDate();
    }

    private static Instant local(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, TestClock.COPENHAGEN).toInstant();
    }
}
