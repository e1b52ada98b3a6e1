package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.support.ModuleTestSetup;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/**
 * Membership on its own: its context holds membership and the modules it uses (network, forms, documents, tasks,
 * notifications, ...) plus the engine and the embedded database, and none of the other features. An application
 * submitted through the membership service is stored, its onboarding process starts in the network's tenant, and
 * the process's steps (membership's steps bean: register, receipt, automatic checks) bring it to the secretariat's
 * review.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"engine", "database"})
@ModuleTestSetup
class MembershipModuleIT {

    static final String SUND_BY = "sund-by";

    @Autowired
    MembershipFixtures fixtures;
    @Autowired
    ApplicationRepository repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ApplicationContext context;

    @Test
    void onlyMembershipAndWhatItNeedsAreBootstrapped() {
        assertThat(context.getBeanNamesForType(Applications.class)).hasSize(1);
        assertThat(beanOf("org.healthycities.network.MemberService")).isTrue();
        assertThat(beanOf("org.healthycities.workshop.internal.WorkshopService")).isFalse();
        assertThat(beanOf("org.healthycities.evaluation.internal.EvaluationService")).isFalse();
        assertThat(beanOf("org.healthycities.knowledge.internal.KnowledgeCollector")).isFalse();
    }

    @Test
    void anApplicationSubmittedIsStoredAndItsProcessBringsItToReview() {
        TestClock.set(LocalDate.of(2031, 5, 12).atTime(10, 0)); // a fixed working day, whatever day this runs
        String code = fixtures.newMunicipality(SUND_BY);

        Application submitted = fixtures.apply(SUND_BY, code);

        Application stored = repository.findById(submitted.getId()).orElseThrow();
        assertThat(stored.getNetworkId()).isEqualTo(SUND_BY);
        assertThat(stored.getMunicipalityCode()).isEqualTo(code);
        assertThat(stored.getReference()).isNotBlank();
        assertThat(stored.getDecisionDocumentId()).as("the decision document is stored with it").isNotNull();

        ProcessInstance instance = fixtures.instance(submitted);
        assertThat(instance).as("its onboarding process").isNotNull();
        assertThat(instance.getBusinessKey()).isEqualTo(String.valueOf(submitted.getId()));
        assertThat(instance.getTenantId()).isEqualTo(SUND_BY);

        fixtures.runJobs(instance.getId());

        assertThat(runtime.getActiveActivityIds(instance.getId())).contains("review");
        assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("review").count())
                .isEqualTo(1);
        Application atReview = fixtures.reload(submitted);
        assertThat(atReview.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        // Sund By's fee bands: 43,000 inhabitants pay the 20,000 band
        assertThat(atReview.getFee()).isEqualByComparingTo("20000");
        assertThat(fixtures.mails(submitted)).as("the receipt, written to the outbox of notifications")
                .contains("membership/mail/receipt → ansoeger@" + code + ".example.org");
    }

    private boolean beanOf(String type) {
        try {
            return context.getBeanNamesForType(Class.forName(type)).length > 0;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type, e);
        }
    }
}
