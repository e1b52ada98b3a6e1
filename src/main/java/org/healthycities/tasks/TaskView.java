package org.healthycities.tasks;

import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * A user task as the task list and its plug-ins see it, open or ended.
 *
 * @param businessKey the process instance's business key: the id of the record the task is about
 * @param networkId   the network (Camunda tenant) the task belongs to
 * @param formKey     the task's camunda:formKey, if any
 * @param formRef     the key of the task's camunda:formRef (a Camunda Form in forms/), if any
 * @param ended       when it was completed or cancelled; null while open
 */
@NamedInterface("task-plugins")
public record TaskView(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                       String processDefinitionName, String processInstanceId, String businessKey, String networkId,
                       String assignee, Instant created, Instant due, Instant ended, String formKey, String formRef) {

    /** How close a due date may be before the task counts as due soon. */
    public static final Duration DUE_SOON = Duration.ofDays(3);

    /** The bundle key of the task's name in the reader's language: {@code process.<process id>.<task id>}. */
    public String nameKey() {
        return "process." + processDefinitionKey + "." + taskDefinitionKey;
    }

    /** The bundle key of what the task's button says, e.g. "Send til bestyrelsen"; "Udført" when there is none. */
    public String completeKey() {
        return nameKey() + ".complete";
    }

    /** The bundle key of the process's name: {@code process.<process id>}. */
    public String processNameKey() {
        return "process." + processDefinitionKey;
    }

    public boolean open() {
        return ended == null;
    }

    public boolean hasForm() {
        return formKey != null || formRef != null;
    }

    public DueState dueState(Instant now) {
        if (due == null) {
            return DueState.NONE;
        }
        if (due.isBefore(now)) {
            return DueState.OVERDUE;
        }
        return due.isBefore(now.plus(DUE_SOON)) ? DueState.SOON : DueState.LATER;
    }
}
