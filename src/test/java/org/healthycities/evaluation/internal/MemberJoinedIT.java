package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.answers;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.runJobsUntil;
import static org.healthycities.evaluation.internal.EvaluationTestSupport.setClock;

import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.evaluation.Progress;
import org.healthycities.forms.SaveResult;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member who joins while its network's round takes answers is asked too (network.MemberJoined): its evaluation, its
 * member process in the round's process, the invitation with its private link; it answers and ends with the round
 * like the others. A round past its deadline, no round, or a round of another network leaves the member out.
 */
@IntegrationTest
class MemberJoinedIT {

    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired MemberService members;
    @Autowired RoundService rounds;
    @Autowired EvaluationService evaluations;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired RoundRepository roundRepository;

    String network;

    @BeforeEach
    void setUp() {
        network = newNetwork();
    }

    private String newNetwork() {
        String id = testNetworks.create("evj", 5, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        rounds.saveSettings(id, false, 6, 3, 28, 7); // four weeks to answer and one of grace, rounds by hand
        return id;
    }

    /** A round of one member, opened on a fixed day (before 2038: some engine columns are TIMESTAMP), invitation sent. */
    private EvaluationRound roundWithOneMember(int year) {
        testMembers.activeMember(network, TestNetworks.code(1));
        setClock(LocalDate.of(year + 1, 3, 10).atTime(9, 30));
        EvaluationRound round = rounds.startByHand(network, year, "test");
        runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 1);
        return round;
    }

    /** A member who joins today, with a coordinator of their own address. */
    private Member join(String networkId, int code, String coordinatorEmail) {
        return members.create(networkId, new MemberDetails(TestNetworks.code(code), "x", MemberStatus.ACTIVE,
                TestClock.now().atZone(TestClock.COPENHAGEN).toLocalDate(), 12_000, null, null, null, null, null, null,
                null, "Nye Koordinator", coordinatorEmail, null, null));
    }

    private static String address() {
        return "ny-" + UUID.randomUUID() + "@example.org";
    }

    private ProcessInstance roundProcess(EvaluationRound round) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("annual-evaluation")
                .processInstanceBusinessKey(round.getId().toString()).tenantIdIn(network).singleResult();
    }

    @Test
    void aMemberWhoJoinsWhileTheRoundTakesAnswersIsInvitedAndEndsWithTheRound() throws Exception {
        EvaluationRound round = roundWithOneMember(2031);
        setClock(round.getStartDate().plusDays(3).atTime(10, 0));
        String address = address();

        Member joined = join(network, 2, address);

        MemberEvaluation e = evaluationRepository.findByRoundIdAndMemberId(round.getId(), joined.getId()).orElseThrow();
        assertThat(e.getDeadline()).as("the round's deadline").isEqualTo(round.getDeadline());
        assertThat(e.getCoordinatorEmail()).isEqualTo(address);
        ProcessInstance memberProcess = runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation")
                .processInstanceBusinessKey(e.getId().toString()).tenantIdIn(network).singleResult();
        assertThat(memberProcess).as("a member process of its own").isNotNull();
        assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(roundProcess(round).getId())
                .processInstanceBusinessKey(e.getId().toString()).count()).as("inside the round's process").isOne();
        assertThat(roundRepository.findById(round.getId()).orElseThrow().getMemberCount()).isEqualTo(2);

        runJobsUntil(management, network, () -> rounds.counts(round.getId()).invited() == 2);
        List<MimeMessage> mails = MailServer.awaitMails(address, 1);
        assertThat(mails).hasSize(1);
        assertThat(MailServer.html(mails.get(0))).contains("/evaluation/", "Testby T002 Kommune", "2031");
        assertThat(evaluations.evaluation(e.getId()).getInvitedAt()).isNotNull();

        // the new member answers as the others do: its process waits for the answer
        assertThat(EvaluationTestSupport.save(evaluations, e.getId(),
                answers(0, testNetworks.goalIds(network), Progress.STARTED), true)).isInstanceOf(SaveResult.Submitted.class);

        // the round closes as deadline plus grace ends, with every member process, the new one's too
        DueJobs.ofTenant(management, network)
                .walkUntil(round.getClosesOn().plusDays(2).atStartOfDay(TestClock.COPENHAGEN).toInstant());
        EvaluationRound closed = roundRepository.findById(round.getId()).orElseThrow();
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.getMemberCount()).isEqualTo(2);
        assertThat(closed.getRespondedCount()).as("the new member's answer counts").isEqualTo(1);
        assertThat(closed.getMissingCount()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation").tenantIdIn(network)
                .count()).isZero();
    }

    @Test
    void aMemberWhoJoinsWithoutARoundOrAfterTheDeadlineIsNotAsked() {
        String quiet = newNetwork();
        setClock(LocalDate.of(2033, 3, 10).atTime(9, 30));
        Member withoutRound = join(quiet, 3, address());
        assertThat(evaluationRepository.findByMemberIdOrderByRoundIdAsc(withoutRound.getId())).isEmpty();

        EvaluationRound round = roundWithOneMember(2032);
        setClock(round.getDeadline().plusDays(1).atTime(10, 0)); // in the grace days: the round is still open
        Member late = join(network, 2, address());

        assertThat(roundRepository.findById(round.getId()).orElseThrow().isClosed()).isFalse();
        assertNotAsked(round, late);
    }

    @Test
    void aMemberOfAnotherNetworkIsNotAskedInThisNetworksRound() {
        EvaluationRound round = roundWithOneMember(2033);
        setClock(round.getStartDate().plusDays(3).atTime(10, 0));

        Member elsewhere = join(newNetwork(), 2, address());

        assertNotAsked(round, elsewhere);
    }

    /** The round goes on with the one member of its start, and the member has no evaluation anywhere. */
    private void assertNotAsked(EvaluationRound round, Member member) {
        assertThat(evaluationRepository.findByMemberIdOrderByRoundIdAsc(member.getId())).isEmpty();
        assertThat(evaluationRepository.findByRoundIdOrderByMemberName(round.getId())).hasSize(1);
        assertThat(roundRepository.findById(round.getId()).orElseThrow().getMemberCount()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation").tenantIdIn(network)
                .count()).isOne();
    }
}
