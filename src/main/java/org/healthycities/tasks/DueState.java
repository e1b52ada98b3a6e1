package org.healthycities.tasks;

/** Where a task stands against its due date; also the task list's due filter. */
public enum DueState {
    OVERDUE, SOON, LATER, NONE
}
