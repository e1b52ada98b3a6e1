package org.healthycities.evaluation.internal;

import org.healthycities.evaluation.Progress;
import org.healthycities.support.DueJobs;
import org.healthycities.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Runs a tenant's due jobs by hand (the job executor may take some too) and builds form input. */
final class EvaluationTestSupport {

    private EvaluationTestSupport() {
    }

    static void setClock(LocalDateTime time) {
        TestClock.set(time);
    }

    /** Executes the network's due jobs until the condition holds. */
    static void runJobsUntil(ManagementService management, String tenant, BooleanSupplier done) {
        DueJobs.ofTenant(management, tenant).runUntil(done);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A complete answer as the page posts it: every goal with the given progress (cycled), one activity, inequality text. */
    static MultiValueMap<String, String> answers(int version, List<Long> goalIds, Progress... progress) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add("version", String.valueOf(version));
        for (int i = 0; i < goalIds.size(); i++) {
            p.add("f.goals[" + i + "].progress", progress[i % progress.length].name());
            p.add("f.goals[" + i + "].whatDone", "Vi har arbejdet med mål " + (i + 1));
        }
        p.add("f.activities[0].title", "Sund skolevej");
        p.add("f.activities[0].goal", goalIds.get(1).toString());
        p.add("f.activities[0].status", "DONE");
        p.add("f.activities[0].partners", "Skoler, Vejdirektoratet");
        p.add("f.activities[0].sdgs", "SDG3");
        p.add("f.activities[0].sdgs", "SDG11");
        p.add("f.sdg", "SDG3");
        p.add("f.sdg", "SDG10");
        p.add("f.sixP", "PEOPLE");
        p.add("f.inequality", "Vi har prioriteret de udsatte boligområder.");
        p.add("f.wishes", "Mere om mental sundhed.");
        return p;
    }

    /** Saves or submits these answers as the coordinator's page would, on the submission's current version. */
    static SaveResult<Submission> save(EvaluationService evaluations, long evaluationId,
                                      MultiValueMap<String, String> answers, boolean submit) {
        int version = evaluations.submission(evaluations.evaluation(evaluationId)).version();
        return evaluations.save(evaluationId, version, org.healthycities.forms.FormInput.fromParameters(answers), submit,
                evaluations.context(evaluations.evaluation(evaluationId)).feed(java.util.Locale.forLanguageTag("da")));
    }

    /** The version of the evaluation's form a page shows (what a post must send back). */
    static int version(EvaluationService evaluations, long evaluationId) {
        return evaluations.submission(evaluations.evaluation(evaluationId)).version();
    }
}
