package org.healthycities.evaluation;

public enum ActivityStatus {
    PLANNED, ONGOING, DONE, DROPPED
}
