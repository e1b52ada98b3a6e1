package org.healthycities.evaluation;

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

    /** A complete answer: every goal with the given progress (cycled), one activity, inequality text. */
    static MultiValueMap<String, String> answers(int version, List<Long> goalIds, Progress... progress) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        p.add("version", String.valueOf(version));
        for (int i = 0; i < goalIds.size(); i++) {
            p.add("goal." + goalIds.get(i) + ".progress", progress[i % progress.length].name());
            p.add("goal." + goalIds.get(i) + ".whatDone", "Vi har arbejdet med mål " + (i + 1));
        }
        p.add("activity.0.title", "Sund skolevej");
        p.add("activity.0.goal", goalIds.get(1).toString());
        p.add("activity.0.status", "DONE");
        p.add("activity.0.partners", "Skoler, Vejdirektoratet");
        p.add("activity.0.sdg", "SDG3");
        p.add("activity.0.sdg", "SDG11");
        p.add("sdg", "SDG3");
        p.add("sdg", "SDG10");
        p.add("sixP", "PEOPLE");
        p.add("inequality", "Vi har prioriteret de udsatte boligområder.");
        p.add("wishes", "Mere om mental sundhed.");
        return p;
    }
}
