package org.healthycities.surveys.internal;

public enum SurveyStatus {
    /** Sent: answers are taken (members until their own deadline, then after an extension). */
    OPEN,
    /** Closed: no more answers; the results stay. */
    CLOSED
}
