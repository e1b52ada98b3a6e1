package org.healthycities.evaluation.internal;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.evaluation.Progress;
import org.healthycities.forms.SaveResult;
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

    /** A started round of a new network (which also runs workshops) for several members, every member invited. */
    public record Round(String network, long roundId, List<Long> evaluationIds, List<Long> memberIds, List<Long> goalIds) {
    }

    public Round round(String prefix, int year, int memberCount) {
        String network = networks.create(prefix, memberCount, "annual-evaluation.bpmn", "member-evaluation.bpmn",
                "workshop-group-work.bpmn");
        for (int i = 1; i <= memberCount; i++) {
            members.activeMember(network, TestNetworks.code(i));
        }
        EvaluationRound round = rounds.startByHand(network, year, "test");
        EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == memberCount
                && management.createJobQuery().tenantIdIn(network).executable().count() == 0);
        List<MemberEvaluation> all = repository.findByRoundIdOrderByMemberName(round.getId());
        return new Round(network, round.getId(), all.stream().map(MemberEvaluation::getId).toList(),
                all.stream().map(MemberEvaluation::getMemberId).toList(), networks.goalIds(network));
    }

    /** An activity as the coordinator reports it. */
    public record ReportedActivity(String title, String description, String sdg, boolean shared) {
    }

    /**
     * Submits the member's evaluation with a complete answer, these activities instead of the usual one, and an
     * action plan (a file, shared or not) when given; fails unless it went in.
     */
    public void submit(long evaluationId, List<ReportedActivity> activities, byte[] plan, boolean planShared) {
        var params = EvaluationTestSupport.answers(EvaluationTestSupport.version(evaluations, evaluationId),
                networks.goalIds(evaluations.evaluation(evaluationId).getNetworkId()), Progress.STARTED);
        params.keySet().removeIf(k -> k.startsWith("f.activities["));
        for (int i = 0; i < activities.size(); i++) {
            ReportedActivity a = activities.get(i);
            params.add("f.activities[" + i + "].title", a.title());
            params.add("f.activities[" + i + "].description", a.description());
            params.add("f.activities[" + i + "].status", "DONE");
            params.add("f.activities[" + i + "].sdgs", a.sdg());
            if (a.shared()) {
                params.add("f.activities[" + i + "].shared", "true");
            }
        }
        if (planShared) {
            params.add("f.planShared", "true");
        }
        params.remove("version");
        var input = org.healthycities.forms.FormInput.fromParameters(params);
        if (plan != null) {
            input = input.withUpload("document", new org.healthycities.forms.FormInput.Upload("handleplan.pdf",
                    new org.springframework.core.io.ByteArrayResource(plan)));
        }
        MemberEvaluation e = evaluations.evaluation(evaluationId);
        var result = evaluations.save(evaluationId, EvaluationTestSupport.version(evaluations, evaluationId), input, true,
                evaluations.context(e).feed(java.util.Locale.forLanguageTag("da")));
        if (!(result instanceof SaveResult.Submitted)) {
            throw new AssertionError("not submitted: " + result);
        }
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
