package org.healthycities.tasks;

import org.springframework.modulith.NamedInterface;

/** Where a task stands against its due date; also the task list's due filter. */
@NamedInterface("task-plugins")
public enum DueState {
    OVERDUE, SOON, LATER, NONE
}
