package org.healthycities.engine;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys bpmn/ and forms/ as they are, once per network with the network's tenant id, so every process
 * instance and task carries its network. Unchanged files are not deployed again.
 */
@Component
class ProcessDeployer {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final NetworkDirectory networks;

    ProcessDeployer(RepositoryService repository, RuntimeService runtime, NetworkDirectory networks) {
        this.runtime = runtime;
        this.repository = repository;
        this.networks = networks;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(30)
    void deploy() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        Resource[] bpmn = resolver.getResources("classpath*:bpmn/*.bpmn");
        Resource[] forms = resolver.getResources("classpath*:forms/*.form");
        if (bpmn.length == 0 && forms.length == 0) {
            return;
        }
        for (Network network : networks.networks()) {
            DeploymentBuilder deployment = repository.createDeployment()
                    .name("healthy-cities")
                    .source("healthy-cities")
                    .tenantId(network.getId())
                    .enableDuplicateFiltering(true);
            for (Resource r : bpmn) {
                add(deployment, "bpmn/", r);
            }
            for (Resource r : forms) {
                add(deployment, "forms/", r);
            }
            var result = deployment.deployWithResult();
            log.info("Deployed {} process(es) for network {} (deployment {})",
                    result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
                    network.getId(), result.getId());
            migrateToNewest(network.getId());
        }
    }

    /**
     * Moves the network's running instances onto the newest version of their diagram, step by step of the same id:
     * a release deploys every diagram again, and an instance left on an older version would call expressions the code
     * no longer has. An instance that cannot be moved (a step removed) stays where it is and is logged.
     */
    int migrateToNewest(String tenantId) {
        int moved = 0;
        for (ProcessDefinition newest : repository.createProcessDefinitionQuery().tenantIdIn(tenantId).latestVersion().list()) {
            for (ProcessDefinition older : repository.createProcessDefinitionQuery().tenantIdIn(tenantId)
                    .processDefinitionKey(newest.getKey()).list()) {
                if (older.getVersion() >= newest.getVersion()
                        || runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() == 0) {
                    continue;
                }
                try {
                    MigrationPlan plan = runtime.createMigrationPlan(older.getId(), newest.getId()).mapEqualActivities()
                            .updateEventTriggers().build();
                    var instances = runtime.createProcessInstanceQuery().processDefinitionId(older.getId());
                    long count = instances.count();
                    runtime.newMigration(plan).processInstanceQuery(instances).skipCustomListeners().execute();
                    moved += (int) count;
                    log.info("Moved {} instance(s) of {} in {} from version {} to {}", count, newest.getKey(), tenantId,
                            older.getVersion(), newest.getVersion());
                } catch (ProcessEngineException e) {
                    log.warn("Instances of {} version {} in {} stay on it: {}", newest.getKey(), older.getVersion(),
                            tenantId, e.getMessage());
                }
            }
        }
        return moved;
    }

    private static void add(DeploymentBuilder deployment, String folder, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(folder + resource.getFilename(), in);
        }
    }
}
