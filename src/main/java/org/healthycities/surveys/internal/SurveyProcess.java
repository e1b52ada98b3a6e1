package org.healthycities.surveys.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The one class of the surveys feature that talks to the engine: starts bpmn/survey-round.bpmn, tells a member's
 * bpmn/survey-member.bpmn that it answered, moves its timers on an extension and completes its follow-up task.
 * Everything else in surveys works with survey and recipient ids; the processes call back through
 * {@link SurveySteps}.
 */
@Component
class SurveyProcess {

    static final String ROUND = "survey-round";
    static final String MEMBER = "survey-member";
    static final String SENT = "SurveySent";
    static final String ANSWERED = "SurveyAnswered";
    static final String TASK_FOLLOW_UP = "Task_FollowUp";
    static final String TIMER_REMINDER = "Timer_Reminder";
    static final String TIMER_DEADLINE = "Timer_Deadline";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    SurveyProcess(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** The survey's round starts in this transaction; invitations go out from the job executor. */
    void start(Survey survey) {
        runtime.createMessageCorrelation(SENT).tenantId(survey.getNetworkId())
                .processInstanceBusinessKey(survey.getId().toString()).setVariable("surveyId", survey.getId())
                .correlateStartMessage();
    }

    /** The member answered: its process ends (false when it no longer waits, e.g. the survey closed). */
    boolean answered(SurveyRecipient recipient, String networkId) {
        Optional<ProcessInstance> waiting = instance(recipient, networkId).filter(pi -> runtime.createExecutionQuery()
                .processInstanceId(pi.getId()).messageEventSubscriptionName(ANSWERED).count() > 0);
        waiting.ifPresent(pi -> runtime.createMessageCorrelation(ANSWERED).processInstanceId(pi.getId()).correlate());
        return waiting.isPresent();
    }

    /** More time: an open follow-up task is completed as extended, else the waiting timers are moved. */
    void extended(SurveyRecipient recipient, String networkId, Optional<Instant> reminderAt, Instant deadlinePassed) {
        Optional<Task> followUp = followUp(recipient, networkId);
        if (followUp.isPresent()) {
            tasks.complete(followUp.get().getId(), Map.of("extended", true));
            return;
        }
        instance(recipient, networkId).ifPresent(pi -> {
            reminderAt.ifPresent(at -> move(pi.getId(), TIMER_REMINDER, at));
            move(pi.getId(), TIMER_DEADLINE, deadlinePassed);
        });
    }

    /** The secretariat expects no answer: the follow-up task is completed as not extended. */
    boolean gaveUp(SurveyRecipient recipient, String networkId) {
        Optional<Task> followUp = followUp(recipient, networkId);
        followUp.ifPresent(t -> tasks.complete(t.getId(), Map.of("extended", false)));
        return followUp.isPresent();
    }

    private Optional<Task> followUp(SurveyRecipient recipient, String networkId) {
        return instance(recipient, networkId).map(pi -> tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(TASK_FOLLOW_UP).singleResult());
    }

    /** The recipients (by id) whose follow-up task is open. */
    Set<Long> followingUp(String networkId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER).tenantIdIn(networkId)
                .activityIdIn(TASK_FOLLOW_UP).list().stream().map(pi -> Long.valueOf(pi.getBusinessKey()))
                .collect(Collectors.toSet());
    }

    /** Whether the survey's round is still running (not yet closed by its step). */
    boolean running(Survey survey) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ROUND).tenantIdIn(survey.getNetworkId())
                .processInstanceBusinessKey(survey.getId().toString()).count() > 0;
    }

    private Optional<ProcessInstance> instance(SurveyRecipient recipient, String networkId) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER)
                .processInstanceBusinessKey(recipient.getId().toString()).tenantIdIn(networkId).singleResult());
    }

    private void move(String processInstanceId, String activityId, Instant due) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()) {
            management.setJobDuedate(job.getId(), Date.from(due));
        }
    }
}
