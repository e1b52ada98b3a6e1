package org.healthycities.surveys.internal;

import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of bpmn/survey-round.bpmn and bpmn/survey-member.bpmn, called by expressions such as
 * {@code ${surveySteps.invite(recipientId)}}: ids in, dates and service calls out. Public only because the
 * engine's expression language calls these methods by reflection; every step is idempotent, as the job executor
 * may run it again. The work is done by {@link SurveyService}; the engine is called through {@link SurveyProcess}
 * only.
 */
@Component("surveySteps")
@Transactional
public class SurveySteps {

    private final SurveyService surveys;

    SurveySteps(SurveyService surveys) {
        this.surveys = surveys;
    }

    // ---- the survey ----------------------------------------------------------------------------------------

    public boolean forMembers(Long surveyId) {
        return surveys.survey(surveyId).getAudience() == SurveyAudience.MEMBERS;
    }

    public List<Integer> batchNumbers(Long surveyId) {
        return surveys.batchNumbers(surveyId);
    }

    public List<Long> batch(Long surveyId, Integer batch) {
        return surveys.batch(surveyId, batch);
    }

    public Date closesAt(Long surveyId) {
        return Date.from(surveys.closesAt(surveyId));
    }

    public void close(Long surveyId) {
        surveys.close(surveyId);
    }

    // ---- one member ----------------------------------------------------------------------------------------

    public void invite(Long recipientId) {
        surveys.invite(recipientId);
    }

    /** Whether a reminder before the deadline still comes after today (the day the waiting starts). */
    public boolean reminds(Long recipientId) {
        return surveys.reminderDay(recipientId).isPresent();
    }

    public Date reminderAt(Long recipientId) {
        return Date.from(surveys.reminderAt(recipientId, surveys.reminderDay(recipientId).orElseThrow()));
    }

    public void remind(Long recipientId) {
        surveys.remind(recipientId);
    }

    public Date afterDeadline(Long recipientId) {
        return Date.from(surveys.afterDeadline(recipientId));
    }

    public void noAnswer(Long recipientId) {
        surveys.noAnswer(recipientId);
    }
}
