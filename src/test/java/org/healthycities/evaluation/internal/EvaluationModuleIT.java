package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.healthycities.evaluation.EvaluationSubmitted;
import org.healthycities.evaluation.internal.TestEvaluations.ReportedActivity;
import org.healthycities.support.ModuleTestSetup;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;

/**
 * Evaluation on its own: its context holds evaluation and the modules it uses, the engine and the embedded database,
 * and none of the other features (not the knowledge bank that listens to it). A round opened by hand for a network
 * of its own (a tenant with only the evaluation processes, one active member) invites the member through the
 * annual process, and the member's evaluation handed in is stored as submitted, ends its wait in the member's
 * process and publishes {@link EvaluationSubmitted}.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"engine", "database"})
@ModuleTestSetup
@Import({TestNetworks.class, TestMembers.class})
class EvaluationModuleIT {

    @Autowired
    TestEvaluations testEvaluations;
    @Autowired
    RoundService rounds;
    @Autowired
    EvaluationService evaluations;
    @Autowired
    EvaluationRepository repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationContext context;

    @Test
    void onlyEvaluationAndWhatItNeedsAreBootstrapped() {
        assertThat(context.getBeanNamesForType(EvaluationService.class)).hasSize(1);
        assertThat(beanOf("org.healthycities.forms.FormCatalog")).isTrue();
        assertThat(beanOf("org.healthycities.knowledge.internal.KnowledgeCollector")).isFalse();
        assertThat(beanOf("org.healthycities.workshop.internal.WorkshopService")).isFalse();
        assertThat(beanOf("org.healthycities.membership.internal.FeeList")).isFalse();
    }

    @Test
    void aRoundOpensForTheMembersAndAnEvaluationHandedInIsPublished(AssertablePublishedEvents events) {
        TestClock.set(LocalDate.of(2033, 2, 1).atTime(10, 0)); // a fixed day, whatever day this runs

        TestEvaluations.Started started = testEvaluations.started("modev", 2033);

        assertThat(rounds.counts(started.roundId()).total()).isEqualTo(1);
        assertThat(rounds.counts(started.roundId()).invited()).isEqualTo(1);
        MemberEvaluation invited = repository.findById(started.evaluationId()).orElseThrow();
        assertThat(invited.getRoundId()).isEqualTo(started.roundId());
        assertThat(invited.getMemberId()).isEqualTo(started.memberId());
        assertThat(invited.getStatus()).isEqualTo(EvaluationStatus.INVITED);
        assertThat(memberProcesses(started)).as("the member's evaluation process waits for the answer").isEqualTo(1);
        assertThat(events.ofType(EvaluationSubmitted.class)).as("nothing handed in yet").isEmpty();

        testEvaluations.submit(started.evaluationId(), List.of(new ReportedActivity("Gåture for ældre",
                "Hver tirsdag går vi en tur.", "SDG3", true)), null, false);

        assertThat(repository.findById(started.evaluationId()).orElseThrow().getStatus())
                .isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(rounds.counts(started.roundId()).responded()).isEqualTo(1);
        events.assertThat()
                .contains(EvaluationSubmitted.class)
                .matching(EvaluationSubmitted::evaluationId, started.evaluationId())
                .matching(EvaluationSubmitted::networkId, started.network())
                .matching(EvaluationSubmitted::memberId, started.memberId())
                .matching(EvaluationSubmitted::year, 2033)
                .matching(e -> e.answers().activities().stream().anyMatch(a -> a.title().equals("Gåture for ældre")))
                .matching(e -> e.goals().size() == TestNetworks.GOALS.size());
    }

    private long memberProcesses(TestEvaluations.Started started) {
        return runtime.createProcessInstanceQuery().tenantIdIn(started.network()).processDefinitionKey("member-evaluation")
                .count();
    }

    private boolean beanOf(String type) {
        try {
            return context.getBeanNamesForType(Class.forName(type)).length > 0;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type, e);
        }
    }
}
