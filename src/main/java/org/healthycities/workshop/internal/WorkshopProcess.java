package org.healthycities.workshop.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The one class of workshop that talks to the engine's services about a session's group work (process key
 * workshop-group-work, business key = session id, tenant = network): start, deadline moved, early close, a
 * group's hand-in, the consolidation task. Variables carry ids only; the answers live in our tables. The process
 * calls back through {@link WorkshopSteps}.
 */
@Component
class WorkshopProcess {

    static final String KEY = "workshop-group-work";
    static final String CLOSE_EARLY = "workshop-close-early";
    static final String SHEET_SUBMITTED = "workshop-sheet-submitted";
    static final String CONSOLIDATE_TASK = "consolidate";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    WorkshopProcess(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    ProcessInstance start(SessionView view) {
        return runtime.createProcessInstanceByKey(KEY)
                .businessKey(String.valueOf(view.session().getId()))
                .processDefinitionTenantId(view.networkId())
                .setVariable("sessionId", view.session().getId())
                .setVariable("deadline", Date.from(view.session().getDeadline()))
                .execute();
    }

    /**
     * The secretariat moved an open session's deadline: the process variable the timers read is set (so a timer
     * made later, when every group has handed in, takes the new time), and the deadline timer that waits now
     * is given the new due date. The process has no other timers.
     */
    void moveDeadline(String networkId, Long sessionId, Instant deadline) {
        Date due = Date.from(deadline);
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(sessionId)).tenantIdIn(networkId).list()) {
            runtime.setVariable(pi.getId(), "deadline", due);
            for (Job timer : management.createJobQuery().processInstanceId(pi.getId()).timers().list()) {
                management.setJobDuedate(timer.getId(), due);
            }
        }
    }

    /** Whether a failure is the engine's refusal of a change another transaction made to the same process first. */
    static boolean collided(RuntimeException e) {
        return e instanceof OptimisticLockingException;
    }

    void closeEarly(SessionView view) {
        runtime.createMessageCorrelation(CLOSE_EARLY)
                .processInstanceBusinessKey(String.valueOf(view.session().getId()))
                .tenantId(view.networkId())
                .correlateAll();
    }

    /**
     * Tells the group's branch that its sheet was handed in. Nothing waits for it when the session is
     * already closing, which is fine: the sheet is stored either way and the close collects it.
     */
    void groupSubmitted(String networkId, Long sessionId, Long groupId) {
        runtime.createMessageCorrelation(SHEET_SUBMITTED)
                .processInstanceBusinessKey(String.valueOf(sessionId))
                .tenantId(networkId)
                .localVariableEquals("sheetGroupId", groupId)
                .correlateAll();
    }

    /** The id of the session's open consolidation task, if there is one. */
    Optional<String> consolidationTask(Long sessionId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(sessionId))
                .processDefinitionKey(KEY).taskDefinitionKey(CONSOLIDATE_TASK).list().stream()
                .map(Task::getId).findFirst();
    }

    boolean isRunning(Long sessionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(String.valueOf(sessionId)).count() > 0;
    }

    void completeConsolidation(String taskId, String userId) {
        tasks.setAssignee(taskId, userId);
        tasks.complete(taskId);
    }
}
