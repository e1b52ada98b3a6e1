package org.healthycities.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One claimed task completed twice at the same moment, as when two browser tabs (or the same person on two
 * nodes of a cluster: they share the database, which decides) press "done" together: exactly one succeeds,
 * the other is told the task is already done and nothing of it is stored. The two-process version of this is
 * bench/faults/two-nodes.sh.
 */
@IntegrationTest
class TaskRaceIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    TaskFixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecondCompletionWaitsForTheFirstAtTheTasksLockAndIsToldItIsDone() throws Exception {
        String dane = TestUsers.create(identity, "lock", CurrentUser.SECRETARIAT, "sund-by");
        Task task = fixtures.task(fixtures.startCase("sund-by"), "overdueReview");
        tasks.claim(task.getId(), dane);
        TestReviewHandler.inside = new CountDownLatch(1);
        TestReviewHandler.release = new CountDownLatch(1);
        int before = TestReviewHandler.completions.get();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MockHttpServletResponse> first = pool.submit(() -> mvc.perform(post("/tasks/" + task.getId() + "/complete")
                    .param("decision", "approve").param("hold", "yes").with(TestMembers.login(identity, dane)).with(csrf()))
                    .andReturn().getResponse());
            assertThat(TestReviewHandler.inside.await(60, TimeUnit.SECONDS)).as("the first is inside the handler").isTrue();
            Future<MockHttpServletResponse> second = pool.submit(() -> mvc.perform(post("/tasks/" + task.getId() + "/complete")
                    .param("decision", "approve").with(TestMembers.login(identity, dane)).with(csrf()))
                    .andReturn().getResponse());
            // the second waits for the task's lock, which the database shows, and has not reached the handler
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM"
                    + " information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT' AND trx_query LIKE '%task_work_lock%'",
                    Integer.class) > 0);
            assertThat(TestReviewHandler.completions.get() - before).isEqualTo(1);
            assertThat(second.isDone()).isFalse();

            TestReviewHandler.release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(302);
            MockHttpServletResponse late = second.get(60, TimeUnit.SECONDS);
            assertThat(late.getStatus()).isEqualTo(409);
            assertThat(late.getContentAsString()).contains("er allerede afsluttet");
            assertThat(TestReviewHandler.completions.get() - before).as("the handler ran once").isEqualTo(1);
            assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isOne();
        } finally {
            TestReviewHandler.release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimedTaskCompletedTwiceAtOnceIsCompletedExactlyOnce() throws Exception {
        String dane = TestUsers.create(identity, "race", CurrentUser.SECRETARIAT, "sund-by");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                Task task = fixtures.task(fixtures.startCase("sund-by"), "plainTask");
                tasks.claim(task.getId(), dane);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<MockHttpServletResponse>> both = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String note = "Note " + i;
                    both.add(pool.submit(() -> {
                        go.await();
                        return mvc.perform(post("/tasks/" + task.getId() + "/complete").param("note", note)
                                .with(TestMembers.login(identity, dane)).with(csrf())).andReturn().getResponse();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                String refusal = "";
                for (Future<MockHttpServletResponse> f : both) {
                    MockHttpServletResponse r = f.get();
                    statuses.add(r.getStatus());
                    if (r.getStatus() == 409) {
                        refusal = r.getContentAsString();
                    }
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(302, 409);
                assertThat(refusal).contains("er allerede afsluttet (af race");
                assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isOne();
                assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
