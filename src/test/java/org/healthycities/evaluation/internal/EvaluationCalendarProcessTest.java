package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.healthycities.support.InMemoryEngine.clockAt;
import static org.healthycities.support.InMemoryEngine.timePassesTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.healthycities.support.InMemoryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/evaluation-calendar.bpmn on the in-memory engine, with {@code evaluationSteps} mocked ({@code autoStart}
 * decides "Automatisk runde?", {@code nextYearlyStart} gives the timer's date). Business key: the network's id.
 * The paths:
 * <ol>
 *   <li>automatic rounds off: the calendar ends, rounds are opened by hand (End_Manual)</li>
 *   <li>automatic rounds on, the network's date comes: last year's round opens, the calendar waits for the next
 *       year's date (loop Flow_Opened)</li>
 *   <li>automatic rounds on, the settings change: the timer is set again for the new date (loop Flow_Changed)</li>
 *   <li>automatic rounds on, the settings switch them off: the calendar ends (Flow_Changed, End_Manual)</li>
 * </ol>
 */
@Deployment(resources = "bpmn/evaluation-calendar.bpmn")
class EvaluationCalendarProcessTest {

    static final String NETWORK = "sund-by";
    static final Instant SET_UP = Instant.parse("2030-11-20T10:00:00Z");
    /** 1 February 2031, five in the morning in Copenhagen: the round for 2030 opens. */
    static final Instant DATE_2031 = Instant.parse("2031-02-01T04:00:00Z");
    static final Instant DATE_2032 = Instant.parse("2032-02-01T04:00:00Z");
    static final Instant MOVED_TO_MARCH = Instant.parse("2031-03-01T04:00:00Z");

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    EvaluationSteps evaluationSteps = mock(EvaluationSteps.class);

    @BeforeEach
    void mockTheSteps() {
        Mocks.register("evaluationSteps", evaluationSteps);
        clockAt(SET_UP);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        InMemoryEngine.resetClock();
    }

    @Test
    void automaticRoundsOff_calendarEnds_roundsAreOpenedByHand() {
        when(evaluationSteps.autoStart(NETWORK)).thenReturn(false);

        ProcessInstance pi = startCalendar();

        assertThat(pi).hasPassedInOrder("StartEvent_Calendar", "Gateway_Auto", "End_Manual").isEnded();
        verify(evaluationSteps, never()).nextYearlyStart(any(), any());
    }

    @Test
    void automaticRoundsOn_networksDateComes_lastYearsRoundOpens_calendarWaitsForNextYear() {
        when(evaluationSteps.autoStart(NETWORK)).thenReturn(true);
        when(evaluationSteps.nextYearlyStart(NETWORK, 0)).thenReturn(Date.from(DATE_2031));
        when(evaluationSteps.openYearly(NETWORK)).thenReturn(2030);
        when(evaluationSteps.nextYearlyStart(NETWORK, 2030)).thenReturn(Date.from(DATE_2032));

        ProcessInstance pi = startCalendar();
        assertThat(pi).isWaitingAt("Gateway_Wait");
        assertThat(timer()).isEqualTo(DATE_2031);

        timePassesTo(DATE_2031.minusSeconds(1));
        verify(evaluationSteps, never()).openYearly(any());

        timePassesTo(DATE_2031);
        verify(evaluationSteps).openYearly(NETWORK);
        assertThat(pi).hasPassedInOrder("Timer_StartDate", "Task_OpenRound").isWaitingAt("Gateway_Wait");
        assertThat(pi).variables().containsEntry("handledYear", 2030);
        assertThat(timer()).isEqualTo(DATE_2032);
    }

    @Test
    void automaticRoundsOn_settingsChange_timerIsSetForTheNewDate() {
        when(evaluationSteps.autoStart(NETWORK)).thenReturn(true);
        when(evaluationSteps.nextYearlyStart(NETWORK, 0)).thenReturn(Date.from(DATE_2031), Date.from(MOVED_TO_MARCH));

        ProcessInstance pi = startCalendar();
        assertThat(timer()).isEqualTo(DATE_2031);

        settingsChanged();

        assertThat(pi).hasPassed("Message_Changed").hasNotPassed("Task_OpenRound").isWaitingAt("Gateway_Wait");
        assertThat(timer()).isEqualTo(MOVED_TO_MARCH);
        verify(evaluationSteps, times(2)).nextYearlyStart(NETWORK, 0);

        timePassesTo(DATE_2031);
        verify(evaluationSteps, never()).openYearly(any());
    }

    @Test
    void automaticRoundsOn_settingsSwitchThemOff_calendarEnds() {
        when(evaluationSteps.autoStart(NETWORK)).thenReturn(true, false);
        when(evaluationSteps.nextYearlyStart(NETWORK, 0)).thenReturn(Date.from(DATE_2031));
        ProcessInstance pi = startCalendar();
        assertThat(pi).isWaitingAt("Gateway_Wait");

        settingsChanged();

        assertThat(pi).hasPassedInOrder("Message_Changed", "Gateway_Auto", "End_Manual").isEnded();
        assertThat(jobQuery().count()).as("the timer is gone").isZero();
    }

    /** As RoundService.startCalendar starts it. */
    ProcessInstance startCalendar() {
        return runtimeService().createProcessInstanceByKey("evaluation-calendar").businessKey(NETWORK)
                .setVariable("networkId", NETWORK).setVariable("handledYear", 0).execute();
    }

    /** As RoundService.saveSettings says it (there by tenant; here the instance has none). */
    void settingsChanged() {
        runtimeService().createMessageCorrelation("EvaluationSettingsChanged").processInstanceBusinessKey(NETWORK)
                .correlateAll();
    }

    Instant timer() {
        return jobQuery().timers().singleResult().getDuedate().toInstant();
    }
}
