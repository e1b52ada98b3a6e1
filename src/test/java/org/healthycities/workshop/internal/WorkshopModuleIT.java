package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.support.DueJobs;
import org.healthycities.support.ModuleTestSetup;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestNetworks;
import org.healthycities.workshop.SessionConsolidated;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.Forms.SessionForm;
import org.healthycities.workshop.internal.Forms.WorkshopForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * Workshop on its own: its context holds workshop and the modules it uses, the engine and the embedded database,
 * and none of the other features (not the knowledge bank that listens to it). A workshop with a session made
 * through the workshop service is read back as the secretariat sees it; opened, answered by a group and closed,
 * its group work process (workshop's steps) brings it to consolidation, and consolidating it publishes
 * {@link SessionConsolidated}. The test runs in a network of its own (a tenant with only the group work process),
 * so running the tenant's jobs touches no other test's processes.
 */
// staff too: security's login (CamundaIdentityAuthenticationProvider) asks a LoginGuard, which staff implements
// (LoginThrottle); Spring Modulith sees no dependency of security on staff, as the interface is security's own
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = {"engine", "database", "staff"})
@ModuleTestSetup
@Import(TestNetworks.class)
class WorkshopModuleIT {

    static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired
    WorkshopService workshops;
    @Autowired
    ParticipantService participants;
    @Autowired
    ConsolidationService consolidation;
    @Autowired
    WorkshopProcess process;
    @Autowired
    ManagementService management;
    @Autowired
    TestNetworks networks;
    @Autowired
    ApplicationContext context;

    @Test
    void onlyWorkshopAndWhatItNeedsAreBootstrapped() {
        assertThat(context.getBeanNamesForType(WorkshopService.class)).hasSize(1);
        assertThat(beanOf("org.healthycities.network.NetworkDirectory")).isTrue();
        assertThat(beanOf("org.healthycities.knowledge.internal.KnowledgeCollector")).isFalse();
        assertThat(beanOf("org.healthycities.evaluation.internal.EvaluationService")).isFalse();
        assertThat(beanOf("org.healthycities.membership.internal.FeeList")).isFalse();
    }

    @Test
    void aSessionIsMadeReadAndConsolidated(Scenario scenario) {
        TestClock.set(LocalDate.of(2031, 3, 10).atTime(9, 0)); // a fixed morning, whatever day this runs
        String network = networks.create("modws", 1, "workshop-group-work.bpmn");
        Set<String> mine = Set.of(network);

        WorkshopForm wf = new WorkshopForm(network, "Temadag om trivsel", LocalDate.of(2031, 3, 10),
                LocalDate.of(2031, 3, 10), "Odense");
        Workshop workshop = workshops.create(mine, wf, TestSessions.errors(wf)).orElseThrow();
        SessionForm sf = new SessionForm("Gruppearbejde", LocalDateTime.of(2031, 3, 10, 11, 0), "2", "Sal A");
        long sessionId = workshops.addSession(mine, workshop.getId(), sf, TestSessions.errors(sf), DANISH)
                .orElseThrow().getId();
        Assignment assignment = workshops.addAssignment(mine, sessionId, new AssignmentForm("Opgave 1", "Drøft trivsel."))
                .orElseThrow();
        QuestionForm qf = new QuestionForm("Hvad virker?", Question.Kind.LONG_TEXT, null, null, null);
        Question question = workshops.addQuestion(mine, sessionId, assignment.getId(), qf, TestSessions.errors(qf))
                .orElseThrow();

        // read back as the secretariat sees it; the groups named from workshop's bundle
        SessionView draft = workshops.session(mine, sessionId).orElseThrow();
        assertThat(draft.workshop().getTitle()).isEqualTo("Temadag om trivsel");
        assertThat(draft.session().getTitle()).isEqualTo("Gruppearbejde");
        assertThat(draft.session().getStatus()).isEqualTo(WorkshopSession.Status.DRAFT);
        assertThat(draft.groups()).extracting(WorkshopGroup::getName).containsExactly("Gruppe 1", "Gruppe 2");
        assertThat(draft.questions()).extracting(Question::getLabel).containsExactly("Hvad virker?");
        assertThat(workshops.session(Set.of("sund-by"), sessionId)).as("another network's staff").isEmpty();

        var openErrors = TestSessions.errors(new Object());
        String code = workshops.open(mine, sessionId, openErrors)
                .orElseThrow(() -> new AssertionError(openErrors.getAllErrors()));
        SessionView open = workshops.session(mine, sessionId).orElseThrow();
        assertThat(open.session().getStatus()).isEqualTo(WorkshopSession.Status.OPEN);
        assertThat(process.isRunning(sessionId)).as("its group work process").isTrue();

        long group = open.groups().get(0).getId();
        JoinForm join = new JoinForm(code, group, null, "Deltager", "");
        var access = participants.access(participants.join(open, join, TestSessions.errors(join)).orElseThrow())
                .orElseThrow();
        participants.save(access, question.getId(), 0, "Fællesskab og bevægelse", null);
        assertThat(workshops.closeEarly(mine, sessionId)).isTrue();
        DueJobs.ofTenant(management, network).runUntil(() -> process.consolidationTask(sessionId).isPresent());

        var board = consolidation.board(mine, sessionId, DANISH).orElseThrow();
        Long answerId = board.sheet(group).answers().get(question.getId()).getId();

        scenario.stimulate(() -> consolidation.complete(mine, sessionId, Map.of(question.getId(), "Bevægelse samler"),
                        Map.of(answerId, Set.of("SDG:SDG3")), "sekretær", DANISH).orElseThrow())
                .andWaitForEventOfType(SessionConsolidated.class)
                .matchingMappedValue(SessionConsolidated::sessionId, sessionId)
                .toArriveAndVerify((event, completed) -> {
                    assertThat(completed).isTrue();
                    assertThat(event.networkId()).isEqualTo(network);
                    assertThat(event.workshopTitle()).isEqualTo("Temadag om trivsel");
                    assertThat(event.sessionTitle()).isEqualTo("Gruppearbejde");
                    assertThat(event.day()).isEqualTo(LocalDate.of(2031, 3, 10));
                    assertThat(event.results()).containsExactly(
                            new SessionConsolidated.Result("Hvad virker?", "Bevægelse samler"));
                    assertThat(event.sdgs()).containsExactly("SDG3");
                });

        assertThat(workshops.session(mine, sessionId).orElseThrow().session().getStatus())
                .isEqualTo(WorkshopSession.Status.CONSOLIDATED);
    }

    private boolean beanOf(String type) {
        try {
            return context.getBeanNamesForType(Class.forName(type)).length > 0;
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type, e);
        }
    }
}
