package org.healthycities.surveys.internal;

/** Who answers a survey. */
public enum SurveyAudience {
    /** Chosen members, each through its coordinator's private link. */
    MEMBERS,
    /** Anyone with the open link or its QR code, anonymously. */
    OPEN
}
