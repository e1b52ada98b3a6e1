/**
 * Workshops: sessions, assignments, groups, join codes, the groups' shared answer sheets, the live view,
 * consolidation and summaries, and the group-work process (bpmn/workshop-group-work.bpmn). It offers only what the
 * knowledge bank listens to: the event {@link org.healthycities.workshop.SessionConsolidated} and
 * {@link org.healthycities.workshop.SessionsConsolidated}, which tells it again for sessions consolidated before it
 * listened. Everything else is internal.
 */
package org.healthycities.workshop;
