package org.healthycities.evaluation;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.springframework.stereotype.Component;

/** A started evaluation round with a coordinator's private link, for tests outside the evaluation package. */
@Component
public class TestEvaluations {

    public record Started(String network, long roundId, long evaluationId, long memberId, int version,
                          List<Long> goalIds, String token) {
    }

    private final TestNetworks networks;
    private final TestMembers members;
    private final RoundService rounds;
    private final EvaluationService evaluations;
    private final EvaluationRepository repository;
    private final ManagementService management;

    TestEvaluations(TestNetworks networks, TestMembers members, RoundService rounds, EvaluationService evaluations,
                    EvaluationRepository repository, ManagementService management) {
        this.networks = networks;
        this.members = members;
        this.rounds = rounds;
        this.evaluations = evaluations;
        this.repository = repository;
        this.management = management;
    }

    /** A new network with one active member, its round for the year started and the member invited. */
    public Started started(String prefix, int year) {
        String network = networks.create(prefix, 1, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        members.activeMember(network, TestNetworks.code(1));
        EvaluationRound round = rounds.startByHand(network, year, "test");
        EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 1
                && management.createJobQuery().tenantIdIn(network).executable().count() == 0);
        MemberEvaluation e = repository.findByRoundIdOrderByMemberName(round.getId()).get(0);
        return new Started(network, round.getId(), e.getId(), e.getMemberId(), evaluations.submission(e).version(),
                networks.goalIds(network), evaluations.newLink(e.getId()));
    }

    /** Another link to the same evaluation. */
    public String newLink(long evaluationId) {
        return evaluations.newLink(evaluationId);
    }

    /** The stored state of the evaluation's free texts: inequality, wishes. */
    public List<String> texts(long evaluationId) {
        EvaluationAnswers a = evaluations.answers(evaluations.evaluation(evaluationId));
        return java.util.Arrays.asList(a.inequalityText(), a.wishesText());
    }

    /** The evaluation's version and status, to see that a refused save changed nothing. */
    public String state(long evaluationId) {
        MemberEvaluation e = evaluations.evaluation(evaluationId);
        return e.getStatus() + " v" + e.getVersion();
    }

    public int version(long evaluationId) {
        return EvaluationTestSupport.version(evaluations, evaluationId);
    }

    public static String storedHash(String token) {
        return EvaluationLinks.hash(token);
    }
}
