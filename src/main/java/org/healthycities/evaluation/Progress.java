package org.healthycities.evaluation;

/** How far a member has come with a strategic goal; the order is the scale (0 = not started). */
public enum Progress {
    NOT_STARTED, STARTED, WELL_UNDER_WAY, ACHIEVED
}
