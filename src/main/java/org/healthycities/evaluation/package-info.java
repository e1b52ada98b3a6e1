/**
 * The annual evaluation: rounds, members' evaluations, coordinator links, reports, and the calendar, round and
 * member processes (bpmn/evaluation-calendar.bpmn, annual-evaluation.bpmn, member-evaluation.bpmn). Its API here:
 * {@link org.healthycities.evaluation.EvaluationRounds} (open a round, follow it, report it: for other features
 * and the benchmark), the event {@link org.healthycities.evaluation.EvaluationSubmitted} with the
 * {@link org.healthycities.evaluation.EvaluationAnswers} it carries, and
 * {@link org.healthycities.evaluation.EvaluationsHandedIn}, which tells that event again for evaluations handed in
 * before a listener started. Everything else is internal.
 */
package org.healthycities.evaluation;
