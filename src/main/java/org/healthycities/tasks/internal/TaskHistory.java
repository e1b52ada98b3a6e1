package org.healthycities.tasks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.healthycities.tasks.AuditEntry;
import org.healthycities.tasks.AuditLog;
import org.healthycities.tasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Who decided what and when, for the task page: the process instance's Camunda history (start, automatic
 * steps, tasks, claims from the user operation log, end) merged with our own {@link AuditLog} rows, oldest first.
 */
@Service
class TaskHistory {

    // within a second: the start, then what a person did (claim, decide, complete), then what the engine did next
    private static final int STARTED = 0;
    private static final int CLAIM = 1;
    private static final int AUDIT = 2;
    private static final int COMPLETED = 3;
    private static final int STEP = 4;
    private static final int CREATED = 5;
    private static final int ENDED = 6;

    /** One line of the history panel; {@code who} is a display name, or null for the engine itself. */
    record Item(Instant time, String who, String what, String detail) {
    }

    private final HistoryService history;
    private final AuditLog auditLog;
    private final TaskPlugins plugins;
    private final TaskDirectory directory;
    private final MessageSource messages;

    TaskHistory(HistoryService history, AuditLog auditLog, TaskPlugins plugins, TaskDirectory directory,
                MessageSource messages) {
        this.history = history;
        this.auditLog = auditLog;
        this.plugins = plugins;
        this.directory = directory;
        this.messages = messages;
    }

    List<Item> of(TaskView task, Locale locale) {
        // rank orders events within one second (Camunda keeps whole seconds): see the constants
        record Raw(Date time, int rank, String userId, String what, String detail) {
        }
        List<Raw> raw = new ArrayList<>();
        String instanceId = task.processInstanceId();
        if (instanceId != null) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(instanceId).singleResult();
            if (instance != null) {
                raw.add(new Raw(instance.getStartTime(), STARTED, instance.getStartUserId(),
                        text("tasks.history.started", locale, task.processDefinitionName()), null));
                if (instance.getEndTime() != null) {
                    raw.add(new Raw(instance.getEndTime(), ENDED, null, text("tasks.history.ended", locale), null));
                }
            }
            for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc()
                    .orderPartiallyByOccurrence().asc().list()) {
                if (isStep(a)) {
                    raw.add(new Raw(a.getEndTime() != null ? a.getEndTime() : a.getStartTime(), STEP, null,
                            text("tasks.history.step", locale, named("process." + a.getProcessDefinitionKey() + "."
                                    + a.getActivityId(), a.getActivityName(), locale)), null));
                }
            }
            List<HistoricTaskInstance> userTasks = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instanceId).orderByHistoricActivityInstanceStartTime().asc().list();
            for (HistoricTaskInstance t : userTasks) {
                String name = taskName(t, locale);
                raw.add(new Raw(t.getStartTime(), CREATED, null, text("tasks.history.created", locale, name), null));
                if (t.getEndTime() != null) {
                    boolean completed = "completed".equals(t.getDeleteReason());
                    raw.add(new Raw(t.getEndTime(), COMPLETED, completed ? t.getAssignee() : null,
                            text(completed ? "tasks.history.completed" : "tasks.history.cancelled", locale,
                                    name), null));
                }
            }
            Map<String, String> taskNames = userTasks.stream().filter(t -> t.getName() != null)
                    .collect(Collectors.toMap(HistoricTaskInstance::getId, t -> taskName(t, locale)));
            for (UserOperationLogEntry e : history.createUserOperationLogQuery().processInstanceId(instanceId)
                    .entityType("Task").orderByTimestamp().asc().list()) {
                String what = claimText(e, taskNames.getOrDefault(e.getTaskId(), ""), locale);
                if (what != null) {
                    raw.add(new Raw(e.getTimestamp(), CLAIM, e.getUserId(), what, null));
                }
            }
        }
        if (task.businessKey() != null && task.networkId() != null) {
            for (AuditEntry e : auditLog.entries(task.networkId(), plugins.recordType(task), task.businessKey())) {
                raw.add(new Raw(Date.from(e.time()), AUDIT, e.userId(),
                        messages.getMessage(e.action(), null, e.action(), locale), e.detail()));
            }
        }
        Map<String, String> names = directory.displayNames(raw.stream().map(Raw::userId).toList());
        return raw.stream().filter(r -> r.time() != null)
                .sorted(Comparator.comparing((Raw r) -> r.time().getTime() / 1000).thenComparing(Raw::rank))
                .map(r -> new Item(r.time().toInstant(), r.userId() == null ? null : names.get(r.userId()),
                        r.what(), r.detail()))
                .toList();
    }

    /** Named automatic steps and events; user tasks come from the task history, gateways are no steps. */
    private static boolean isStep(HistoricActivityInstance a) {
        String type = a.getActivityType();
        return a.getActivityName() != null && !a.getActivityName().isBlank() && !"userTask".equals(type)
                && (type == null || !type.endsWith("Gateway"));
    }

    /** Claims and assignments, which Camunda's task history does not show; completion and creation it does. */
    private String claimText(UserOperationLogEntry e, String taskName, Locale locale) {
        boolean assignee = "assignee".equals(e.getProperty());
        if (UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(e.getOperationType()) && assignee) {
            return e.getNewValue() == null ? text("tasks.history.unclaimed", locale, taskName)
                    : text("tasks.history.claimed", locale, taskName);
        }
        if (UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(e.getOperationType()) && assignee) {
            String to = e.getNewValue() == null ? "–" : directory.displayNames(List.of(e.getNewValue()))
                    .get(e.getNewValue());
            return text("tasks.history.assigned", locale, taskName, to);
        }
        return null;
    }

    /**
     * A step's or task's name in the reader's language, by its BPMN id ({@code process.<process>.<id>} in the
     * bundles); the BPMN keeps its Danish names for Modeler and Cockpit, which are the fallback.
     */
    private String named(String key, String bpmnName, Locale locale) {
        return messages.getMessage(key, null, bpmnName, locale);
    }

    private String taskName(HistoricTaskInstance t, Locale locale) {
        return named("process." + t.getProcessDefinitionKey() + "." + t.getTaskDefinitionKey(), t.getName(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
