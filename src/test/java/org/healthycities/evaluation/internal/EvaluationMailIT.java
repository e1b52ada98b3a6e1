package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.MailServer;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A mail server that is down delays the invitations; it does not lose them, and none goes out twice. A coordinator
 * address the mailer refuses is recorded like a missing one and holds up none of the other members' invitations
 * (they go out in one transaction per batch).
 */
@IntegrationTest
class EvaluationMailIT {

    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TestNetworks testNetworks;
    @Autowired MemberService members;
    @Autowired RoundService rounds;
    @Autowired EvaluationEvents events;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired JdbcTemplate jdbc;

    @Test
    void invitationsWaitForTheMailServerAndArriveOnce() {
        String network = testNetworks.create("evm", 2, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        String address = "koordinator-" + UUID.randomUUID() + "@example.org";
        members.create(network, new MemberDetails(TestNetworks.code(1), "x", MemberStatus.ACTIVE, LocalDate.of(2020, 1, 1),
                1000, null, null, null, null, null, null, null, "Kim Koordinator", address, null, null));
        long roundId;
        MailServer.stop();
        try {
            TestClock.startAt(LocalDateTime.of(2032, 3, 10, 9, 30)); // a fixed day whose time runs
            roundId = rounds.startByHand(network, 2050, "test").getId();
            EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(roundId).invited() == 1);
            EvaluationTestSupport.sleep(2000); // the first delivery attempt, right after commit, fails
            assertThat(MailServer.mailsTo(address)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status <> 'SENT'",
                    Long.class, address)).as("the invitation waits in the outbox").isEqualTo(1);
        } finally {
            MailServer.start();
        }
        // the outbox tries again a minute later: let that minute pass on the clock rather than wait for it
        TestClock.startAt(LocalDateTime.ofInstant(TestClock.now().plusSeconds(61), TestClock.COPENHAGEN));
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (MailServer.mailsTo(address).isEmpty()) {
            assertThat(System.nanoTime()).as("the invitation arrives once the server is back").isLessThan(until);
            EvaluationTestSupport.sleep(500);
        }
        List<MimeMessage> mails = MailServer.mailsTo(address);
        assertThat(mails).hasSize(1);
        assertThat(MailServer.html(mails.get(0))).contains("/evaluation/", "Testby T001 Kommune", "2050");
        MemberEvaluation e = evaluationRepository.findByRoundIdOrderByMemberName(roundId).get(0);
        assertThat(events.count(e.getId(), EvaluationEvents.INVITED)).isEqualTo(1);
    }

    @Test
    void anAddressTheMailerRefusesIsRecordedAndTheOthersOfTheBatchAreInvited() {
        String network = testNetworks.create("eva", 3, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        List<String> addresses = List.of("a-" + UUID.randomUUID() + "@example.org", "not an address",
                "c-" + UUID.randomUUID() + "@example.org");
        for (int i = 0; i < addresses.size(); i++) {
            members.create(network, new MemberDetails(TestNetworks.code(i + 1), "x", MemberStatus.ACTIVE,
                    LocalDate.of(2020, 1, 1), 1000, null, null, null, null, null, null, null, "Kim Koordinator",
                    "k" + i + "-" + UUID.randomUUID() + "@example.org", null, null));
        }
        // as an import or an older version of the member register could have left it: not a mail address
        for (int i = 0; i < addresses.size(); i++) {
            jdbc.update("UPDATE member SET coordinator_email = ? WHERE network_id = ? AND code = ?", addresses.get(i),
                    network, TestNetworks.code(i + 1));
        }
        TestClock.startAt(LocalDateTime.of(2032, 3, 10, 9, 30));
        long roundId = rounds.startByHand(network, 2051, "test").getId();

        EvaluationTestSupport.runJobsUntil(management, network, () -> rounds.counts(roundId).invited() == 3);

        for (MemberEvaluation e : evaluationRepository.findByRoundIdOrderByMemberName(roundId)) {
            boolean refused = e.getCoordinatorEmail().equals("not an address");
            assertThat(events.count(e.getId(), EvaluationEvents.INVITED)).as(e.getCoordinatorEmail())
                    .isEqualTo(refused ? 0 : 1);
            assertThat(events.count(e.getId(), EvaluationEvents.NO_ADDRESS)).as(e.getCoordinatorEmail())
                    .isEqualTo(refused ? 1 : 0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Long.class,
                    e.getCoordinatorEmail())).as(e.getCoordinatorEmail()).isEqualTo(refused ? 0 : 1);
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation").tenantIdIn(network)
                .count()).as("every member's process waits for its answer").isEqualTo(3);
        assertThat(runtime.createIncidentQuery().tenantIdIn(network).count()).isZero();
    }
}
