package org.healthycities.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.evaluation.internal.TestEvaluations;
import org.healthycities.membership.internal.TestApplications;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.healthycities.workshop.internal.TestWorkshops;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real records of all three processes and a user of each role, made once per test JVM for the security
 * tests: an application with its private link, an open workshop session with a joined participant, an
 * evaluation round with a coordinator's link, and the staff who may or may not see them. Lazy: a module test that
 * bootstraps security without membership, workshop or evaluation ({@code @ApplicationModuleTest}) scans this class
 * too, and never asks for it.
 */
@Component
@Lazy
class SecurityFixture {

    static final String SUND_BY = "sund-by";
    static final String OTHER_NETWORK = "hc-sverige";

    private final TestApplications applications;
    private final TestWorkshops workshops;
    private final TestEvaluations evaluations;
    private final IdentityService identity;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final MockMvc mvc;
    private World world;

    SecurityFixture(TestApplications applications, TestWorkshops workshops, TestEvaluations evaluations,
                    IdentityService identity, TaskService tasks, JdbcTemplate jdbc, MockMvc mvc) {
        this.mvc = mvc;
        this.applications = applications;
        this.workshops = workshops;
        this.evaluations = evaluations;
        this.identity = identity;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** Everything a security test reaches for. */
    record World(TestApplications.Created application, TestWorkshops.Opened workshop, TestWorkshops.Drafts drafts,
                 TestEvaluations.Started evaluation, String taskId, long outboxId, long themeGroupId,
                 long strategyId, long goalId, String sampleToken, String secretariat, String otherSecretariat, String board,
                 String admin, String staffMember) {
    }

    synchronized World world() {
        if (world == null) {
            world = create();
        }
        return world;
    }

    private World create() {
        TestApplications.Created application = applications.apply(SUND_BY);
        applications.runJobs(application);
        String taskId = tasks.createTaskQuery().processInstanceId(application.processInstanceId()).list().stream()
                .findFirst().orElseThrow(() -> new AssertionError("the application has no task")).getId();
        TestWorkshops.Opened workshop = workshops.opened();
        TestEvaluations.Started evaluation = evaluations.started("sec", 2041);
        String network = evaluation.network();
        long outbox = jdbc.queryForObject("SELECT MAX(id) FROM mail_outbox", Long.class);
        long themeGroup = jdbc.queryForObject("SELECT MIN(id) FROM theme_group WHERE network_id = ?", Long.class, SUND_BY);
        long strategy = jdbc.queryForObject("SELECT MIN(id) FROM strategy WHERE network_id = ?", Long.class, SUND_BY);
        long goal = jdbc.queryForObject("SELECT MIN(id) FROM strategic_goal WHERE strategy_id = ?", Long.class, strategy);
        return new World(application, workshop, workshops.drafts(), evaluation, taskId, outbox, themeGroup, strategy, goal, sampleToken(),
                TestUsers.create(identity, "secsek", CurrentUser.SECRETARIAT, SUND_BY, network),
                TestUsers.create(identity, "secother", CurrentUser.SECRETARIAT, OTHER_NETWORK),
                TestUsers.create(identity, "secboard", CurrentUser.BOARD, SUND_BY, network),
                "admin",
                TestUsers.create(identity, "secstaff", CurrentUser.SECRETARIAT, SUND_BY));
    }

    /** A draft of the forms engine's public sample form: its private link's token. */
    private String sampleToken() {
        try {
            String location = mvc.perform(post("/forms/sample").with(csrf()).param("action", "draft"))
                    .andReturn().getResponse().getRedirectedUrl();
            if (location == null || !location.startsWith("/forms/sample/t/")) {
                throw new AssertionError("no draft link: " + location);
            }
            return location.substring("/forms/sample/t/".length());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A client address no other request has used, so the guess limiter (which counts "not found" answers per
     * address) never mixes one test's deliberate misses with another's.
     */
    static RequestPostProcessor freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        String address = "10.77." + (n / 250 % 250) + "." + (n % 250 + 1);
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    RequestPostProcessor login(String user) {
        return TestMembers.login(identity, user);
    }
}
