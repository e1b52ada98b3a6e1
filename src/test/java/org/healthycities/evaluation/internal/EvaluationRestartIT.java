package org.healthycities.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Opening a round survives a crash: with the job executor stopped, only part of the opening runs, some jobs
 * are left locked by a "dead node", steps are run again by hand, then the job executor starts (as after a
 * restart). Every member ends with exactly one evaluation, one process instance and one invitation.
 */
@IntegrationTest
class EvaluationRestartIT {

    private static final int MEMBERS = 120; // three batches of 50

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TestNetworks testNetworks;
    @Autowired TestMembers testMembers;
    @Autowired RoundService rounds;
    @Autowired EvaluationSteps steps;
    @Autowired EvaluationRepository evaluationRepository;
    @Autowired EvaluationEvents events;
    @Autowired JdbcTemplate jdbc;

    @Test
    void restartingMidwayLosesNoMemberAndInvitesNoneTwice() {
        String network = testNetworks.create("evr", MEMBERS, "annual-evaluation.bpmn", "member-evaluation.bpmn");
        for (int i = 1; i <= MEMBERS; i++) {
            testMembers.activeMember(network, TestNetworks.code(i));
        }
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.shutdown();
        long roundId;
        try {
            TestClock.startAt(LocalDateTime.of(2037, 3, 10, 9, 30)); // a fixed day whose time runs, for the locks
            roundId = rounds.startByHand(network, 2036, "test").getId();
            // the opening step, the step that makes the batches, then only the first batch (its members' processes
            // start and their invitations go out in the batch's transaction)
            runSome(network, 1);
            assertThat(evaluationRepository.countByRoundId(roundId)).isEqualTo(MEMBERS);
            runSome(network, 1);
            runSome(network, 1);
            assertThat(rounds.counts(roundId).invited()).isBetween(1L, (long) MEMBERS - 1);

            // a node dies holding jobs: they stay locked until the lock expires
            List<Job> open = management.createJobQuery().tenantIdIn(network).executable().list();
            assertThat(open).isNotEmpty();
            for (Job job : open.subList(0, Math.min(10, open.size()))) {
                jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = 'dead-node', LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                        Timestamp.from(TestClock.now().plusSeconds(3)), job.getId());
            }
            // people and steps run again: a second start for the year, the opening step, invitations
            assertThatThrownBy(() -> rounds.startByHand(network, 2036, "again"))
                    .isInstanceOf(RoundService.Refused.class);
            assertThat(steps.prepare(roundId)).isEqualTo(MEMBERS);
            evaluationRepository.findByRoundIdOrderByMemberName(roundId).stream()
                    .filter(e -> e.getInvitedAt() != null).limit(3).forEach(e -> steps.invite(e.getId()));
        } finally {
            jobExecutor.start();
        }

        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (rounds.counts(roundId).invited() < MEMBERS
                || runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation").tenantIdIn(network).count() < MEMBERS
                || management.createJobQuery().tenantIdIn(network).executable().count() > 0) {
            assertThat(System.nanoTime()).as("the job executor finishes the opening").isLessThan(until);
            EvaluationTestSupport.sleep(250);
        }

        List<MemberEvaluation> all = evaluationRepository.findByRoundIdOrderByMemberName(roundId);
        assertThat(all).hasSize(MEMBERS);
        assertThat(all.stream().map(MemberEvaluation::getMemberId).distinct().count()).isEqualTo(MEMBERS);
        for (MemberEvaluation e : all) {
            assertThat(events.count(e.getId(), EvaluationEvents.INVITED)).as("invitations of " + e.getMemberName()).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_link WHERE evaluation_id = ?", Long.class, e.getId()))
                    .as("links mailed to " + e.getMemberName()).isEqualTo(1);
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("member-evaluation")
                    .processInstanceBusinessKey(e.getId().toString()).tenantIdIn(network).count()).isEqualTo(1);
        }
        assertThat(runtime.createIncidentQuery().tenantIdIn(network).count()).isZero();
    }

    private void runSome(String network, int count) {
        List<Job> jobs = management.createJobQuery().tenantIdIn(network).executable().listPage(0, count);
        jobs.forEach(j -> management.executeJob(j.getId()));
    }
}
