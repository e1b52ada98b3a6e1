/**
 * Surveys sent to members or by link, with reminders, follow-up, results and exports, run by the round and member
 * processes (steps bean {@code surveySteps}). No other feature calls it, so all of it is internal.
 */
package org.healthycities.surveys;
