package org.healthycities.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A network of its own for a test: a Camunda tenant with the given processes deployed, a strategy covering
 * every year with Sund By Netværket's four goals, and possible members T001, T002, ... So a test's round has
 * exactly the members it creates (with {@link TestMembers#activeMember}), whatever other tests did.
 */
@Component
public class TestNetworks {

    public static final List<String> GOALS = List.of(
            "Et fagligt stærkt fællesskab med en bærende netværkskultur",
            "Stigende ulighed i sundhed kræver handling",
            "Styrket sammenhæng mellem praksis, forskning og politikudvikling",
            "Verdensmålene samler os");

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final RepositoryService repository;

    TestNetworks(JdbcTemplate jdbc, IdentityService identity, RepositoryService repository) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.repository = repository;
    }

    /** A new Danish-speaking network "prefix-xxxxxxxx" with possible members T001..T{n} and the named bpmn/ files deployed. */
    public String create(String prefix, int possibleMembers, String... bpmnFiles) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("INSERT INTO network (id, name, language, country, currency, secretariat_name) VALUES (?, ?, 'da', 'DK', 'DKK', ?)",
                id, "Testnetværk " + id, "Testsekretariatet");
        jdbc.update("INSERT INTO strategy (network_id, name, first_year, last_year, description) VALUES (?, ?, 2000, 2999, NULL)",
                id, "Teststrategi");
        Long strategy = jdbc.queryForObject("SELECT id FROM strategy WHERE network_id = ?", Long.class, id);
        for (int i = 0; i < GOALS.size(); i++) {
            jdbc.update("INSERT INTO strategic_goal (strategy_id, position, title) VALUES (?, ?, ?)", strategy, i + 1, GOALS.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= possibleMembers; i++) {
            rows.add(new Object[] {id, code(i), "Testby " + code(i) + " Kommune"});
        }
        jdbc.batchUpdate("INSERT INTO possible_member (network_id, code, name, kind) VALUES (?, ?, ?, 'MUNICIPALITY')", rows);
        jdbc.update("INSERT INTO theme_group (network_id, name, description) VALUES (?, 'Lighed i sundhed', NULL), (?, 'Børn og unge', NULL)", id, id);
        Tenant tenant = identity.newTenant(id);
        tenant.setName("Testnetværk " + id);
        identity.saveTenant(tenant);
        deploy(id, bpmnFiles);
        return id;
    }

    public static String code(int i) {
        return String.format("T%03d", i);
    }

    public List<Long> goalIds(String networkId) {
        return jdbc.queryForList("SELECT g.id FROM strategic_goal g JOIN strategy s ON s.id = g.strategy_id"
                + " WHERE s.network_id = ? ORDER BY g.position", Long.class, networkId);
    }

    private void deploy(String tenant, String... bpmnFiles) {
        DeploymentBuilder deployment = repository.createDeployment().name("test-" + tenant).tenantId(tenant);
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (String file : bpmnFiles) {
                Resource r = resolver.getResource("classpath:bpmn/" + file);
                try (InputStream in = r.getInputStream()) {
                    deployment.addInputStream("bpmn/" + file, in);
                }
            }
            // the forms too, as the application deploys them: Tasklist reads a task's camunda:formRef from them
            for (Resource r : resolver.getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    deployment.addInputStream("forms/" + r.getFilename(), in);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        deployment.deploy();
    }
}
