package org.healthycities.evaluation.internal;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one class of evaluation that talks to the engine's services: it starts bpmn/evaluation-calendar.bpmn and
 * (by its start message) bpmn/annual-evaluation.bpmn, adds a member who joined late to a running round, tells the
 * calendar the settings changed, tells a member's bpmn/member-evaluation.bpmn that the coordinator submitted,
 * completes its review and follow-up tasks, moves its timers on an extension and types the review task's Tasklist
 * variables. Everything else in evaluation works with round and evaluation ids; the processes call back through
 * {@link EvaluationSteps}. Business keys: the network's id (calendar), the round's id (round), the evaluation's id
 * (member); the tenant id is the network's.
 */
@Component
class EvaluationGateway {

    static final String CALENDAR = "evaluation-calendar";
    static final String ROUND = "annual-evaluation";
    static final String MEMBER = "member-evaluation";
    static final String MSG_ROUND_REQUESTED = "EvaluationRoundRequested";
    static final String MSG_SETTINGS_CHANGED = "EvaluationSettingsChanged";
    static final String MSG_SUBMITTED = "EvaluationSubmitted";
    static final String CALL_MEMBER = "Call_MemberEvaluation";
    /** How the engine names the activity that holds the instances of a multi-instance activity. */
    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    static final String TASK_REVIEW = "Task_Review";
    static final String TASK_FOLLOW_UP = "Task_FollowUp";
    static final String TIMER_BEFORE_DEADLINE = "Timer_BeforeDeadline";
    static final String TIMER_DEADLINE = "Timer_Deadline";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;

    EvaluationGateway(RuntimeService runtime, TaskService tasks, ManagementService management,
                      RepositoryService repository) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
    }

    // ---- the calendar and the round ------------------------------------------------------------------------

    /** Whether the network has the calendar deployed and an instance of it running. */
    boolean calendarDeployed(String networkId) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(CALENDAR).tenantIdIn(networkId)
                .count() > 0;
    }

    boolean calendarRunning(String networkId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CALENDAR).tenantIdIn(networkId).count() > 0;
    }

    /** Starts the network's calendar (in the caller's transaction), which has handled no year yet. */
    void startCalendar(String networkId) {
        runtime.createProcessInstanceByKey(CALENDAR).processDefinitionTenantId(networkId).businessKey(networkId)
                .setVariable("networkId", networkId).setVariable("handledYear", 0).execute();
    }

    /** Tells the network's calendar its settings changed; false when no calendar listened (none runs). */
    boolean settingsChanged(String networkId) {
        return !runtime.createMessageCorrelation(MSG_SETTINGS_CHANGED).tenantId(networkId).correlateAllWithResult()
                .isEmpty();
    }

    /** Starts the round's process, which prepares and invites in the background. */
    void startRound(EvaluationRound round) {
        runtime.createMessageCorrelation(MSG_ROUND_REQUESTED).tenantId(round.getNetworkId())
                .processInstanceBusinessKey(round.getId().toString()).setVariable("roundId", round.getId())
                .correlateStartMessage();
    }

    /**
     * Adds a member who joined after the start to the round's process: one more instance of the call activity its
     * batches started the members' processes with, so the member is invited as they were and ends with the round.
     * Nothing when the round's process has not started its members yet: its batches then read every evaluation of
     * the round, this one too.
     */
    void includeInRound(EvaluationRound round, long evaluationId) {
        ProcessInstance roundProcess = runtime.createProcessInstanceQuery().processDefinitionKey(ROUND)
                .processInstanceBusinessKey(round.getId().toString()).tenantIdIn(round.getNetworkId()).singleResult();
        if (roundProcess == null) {
            return;
        }
        ActivityInstance[] members = runtime.getActivityInstance(roundProcess.getId())
                .getActivityInstances(CALL_MEMBER + MULTI_INSTANCE_BODY);
        if (members.length > 0) {
            runtime.createProcessInstanceModification(roundProcess.getId())
                    .startBeforeActivity(CALL_MEMBER, members[0].getId())
                    .setVariableLocal("evaluationId", evaluationId)
                    .execute();
        }
    }

    // ---- one member ----------------------------------------------------------------------------------------

    /** Whether the member's process waits for the coordinator's answer. */
    boolean awaitsAnswer(MemberEvaluation e) {
        return waitingForAnswer(e).isPresent();
    }

    /** Tells the member's process the coordinator submitted; false when it no longer waits for an answer. */
    boolean submitted(MemberEvaluation e) {
        Optional<ProcessInstance> waiting = waitingForAnswer(e);
        waiting.ifPresent(pi -> runtime.createMessageCorrelation(MSG_SUBMITTED).processInstanceId(pi.getId())
                .correlate());
        return waiting.isPresent();
    }

    boolean reviewOpen(MemberEvaluation e) {
        return task(e, TASK_REVIEW).isPresent();
    }

    boolean followUpOpen(MemberEvaluation e) {
        return task(e, TASK_FOLLOW_UP).isPresent();
    }

    /** Completes the open review task with the decision; false when none is open. */
    boolean completeReview(MemberEvaluation e, boolean accept) {
        return complete(e, TASK_REVIEW, Map.of("decision", accept ? "accept" : "sendBack"));
    }

    /**
     * Completes the open follow-up task: extended (the process waits for the new deadline) or not (the member's
     * process ends as missing); false when none is open.
     */
    boolean completeFollowUp(MemberEvaluation e, boolean extended) {
        return complete(e, TASK_FOLLOW_UP, Map.of("extended", extended));
    }

    /**
     * The member's new deadline while its process still waits for an answer: the reminder before the deadline (if
     * it still comes) and the deadline's timer are moved.
     */
    void moveTimers(MemberEvaluation e, Optional<Instant> reminderBeforeDeadline, Instant afterDeadline) {
        instance(e).ifPresent(pi -> {
            reminderBeforeDeadline.ifPresent(at -> move(pi.getId(), TIMER_BEFORE_DEADLINE, at));
            move(pi.getId(), TIMER_DEADLINE, afterDeadline);
        });
    }

    /**
     * The review task's local variables for Camunda Tasklist: the form's data as JSON values (Tasklist parses JSON
     * variables for form-js), then the plain values as they are.
     */
    static Map<String, Object> tasklistVariables(Map<String, Object> json, Map<String, Object> plain) {
        Map<String, Object> variables = new LinkedHashMap<>();
        json.forEach((key, value) -> variables.put(key, Variables.objectValue(value)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create()));
        variables.putAll(plain);
        return variables;
    }

    /**
     * What a step throws to refuse what the engine was asked to do (e.g. to complete the review task from
     * Tasklist): the engine rolls it back and its caller gets the reason.
     */
    static ProcessEngineException refusal(String reason) {
        return new ProcessEngineException(reason);
    }

    private boolean complete(MemberEvaluation e, String taskKey, Map<String, Object> variables) {
        Optional<Task> task = task(e, taskKey);
        task.ifPresent(t -> tasks.complete(t.getId(), variables));
        return task.isPresent();
    }

    private Optional<Task> task(MemberEvaluation e, String taskKey) {
        return instance(e).map(pi -> tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).singleResult());
    }

    private Optional<ProcessInstance> instance(MemberEvaluation e) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(MEMBER)
                .processInstanceBusinessKey(e.getId().toString()).tenantIdIn(e.getNetworkId()).singleResult());
    }

    private Optional<ProcessInstance> waitingForAnswer(MemberEvaluation e) {
        return instance(e).filter(pi -> runtime.createExecutionQuery().processInstanceId(pi.getId())
                .messageEventSubscriptionName(MSG_SUBMITTED).count() > 0);
    }

    private void move(String processInstanceId, String activityId, Instant due) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()) {
            management.setJobDuedate(job.getId(), Date.from(due));
        }
    }
}
