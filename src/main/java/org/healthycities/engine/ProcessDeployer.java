package org.healthycities.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
 * instance and task carries its network. Unchanged files are not deployed again, and a start whose files are all
 * as deployed does not even compare them: each deployment carries a fingerprint of the whole set
 * ({@value #FINGERPRINT}), and a network whose newest deployment has the same one is left as it is.
 */
@Component
class ProcessDeployer {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    static final String NAME = "healthy-cities";
    /** A resource no deployer reads: the SHA-256 of every file's name and bytes, as hex. */
    static final String FINGERPRINT = "healthy-cities.fingerprint";

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
        Map<String, byte[]> files = new TreeMap<>(); // by name: the fingerprint must not depend on the scan's order
        for (Resource r : bpmn) {
            files.put("bpmn/" + r.getFilename(), r.getContentAsByteArray());
        }
        for (Resource r : forms) {
            files.put("forms/" + r.getFilename(), r.getContentAsByteArray());
        }
        for (Network network : networks.networks()) {
            deployTo(network.getId(), files);
        }
    }

    /** Deploys the files (name to bytes) to the network unless its newest deployment has them all; true if it did. */
    boolean deployTo(String tenantId, Map<String, byte[]> files) {
        String fingerprint = fingerprint(files);
        if (fingerprint.equals(deployedFingerprint(tenantId))) {
            log.info("Processes of network {} are as deployed", tenantId);
            return false;
        }
        DeploymentBuilder deployment = repository.createDeployment()
                .name(NAME)
                .source(NAME)
                .tenantId(tenantId)
                .enableDuplicateFiltering(true);
        files.forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        deployment.addString(FINGERPRINT, fingerprint);
        var result = deployment.deployWithResult();
        log.info("Deployed {} process(es) for network {} (deployment {})",
                result.getDeployedProcessDefinitions() == null ? 0 : result.getDeployedProcessDefinitions().size(),
                tenantId, result.getId());
        migrateToNewest(tenantId);
        return true;
    }

    /** The fingerprint the network's newest deployment of ours carries, or null. */
    String deployedFingerprint(String tenantId) {
        Deployment newest = repository.createDeploymentQuery().tenantIdIn(tenantId).deploymentName(NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (newest == null) {
            return null;
        }
        try (InputStream in = repository.getResourceAsStream(newest.getId(), FINGERPRINT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (ProcessEngineException | IOException none) { // a deployment made before fingerprints: compare the files
            return null;
        }
    }

    static String fingerprint(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
}
