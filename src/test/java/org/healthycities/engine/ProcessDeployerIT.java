package org.healthycities.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * A start whose diagrams and forms are as deployed makes no deployment and compares no files: the network's newest
 * deployment carries the fingerprint of the whole set. A changed file deploys again, and only what changed.
 */
@IntegrationTest
class ProcessDeployerIT {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void anUnchangedSetIsNotDeployedAgain_aChangedOneIs() throws IOException {
        String tenant = "deploy-" + Long.toHexString(System.nanoTime());
        Map<String, byte[]> files = new TreeMap<>();
        files.put("bpmn/tenant-probe.bpmn", new ClassPathResource("processes/tenant-probe.bpmn").getContentAsByteArray());
        TestClock.set(Instant.parse("2031-03-01T09:00:00Z"));

        assertThat(deployer.deployTo(tenant, files)).as("a network without our deployment").isTrue();
        assertThat(deployer.deployedFingerprint(tenant)).isEqualTo(ProcessDeployer.fingerprint(files));
        assertThat(repository.createProcessDefinitionQuery().tenantIdIn(tenant).count()).isOne();

        TestClock.set(Instant.parse("2031-03-01T09:01:00Z"));
        assertThat(deployer.deployTo(tenant, new TreeMap<>(files))).as("the same files again").isFalse();
        assertThat(repository.createDeploymentQuery().tenantIdIn(tenant).count()).isOne();

        files.put("forms/note.form", "{\"components\":[],\"type\":\"default\",\"id\":\"note\"}".getBytes());
        TestClock.set(Instant.parse("2031-03-01T09:02:00Z"));
        assertThat(deployer.deployTo(tenant, files)).as("a file added").isTrue();
        assertThat(deployer.deployedFingerprint(tenant)).isEqualTo(ProcessDeployer.fingerprint(files));
        assertThat(repository.createDeploymentQuery().tenantIdIn(tenant).count()).isEqualTo(2);
        assertThat(repository.createProcessDefinitionQuery().tenantIdIn(tenant).count())
                .as("the unchanged diagram keeps its version").isOne();
    }

    @Test
    void aDeploymentWithoutFingerprintIsComparedFileByFile() throws IOException {
        String tenant = "deploy-" + Long.toHexString(System.nanoTime());
        byte[] probe = new ClassPathResource("processes/tenant-probe.bpmn").getContentAsByteArray();
        TestClock.set(Instant.parse("2031-03-02T09:00:00Z"));
        repository.createDeployment().name(ProcessDeployer.NAME).source(ProcessDeployer.NAME).tenantId(tenant)
                .addInputStream("bpmn/tenant-probe.bpmn", new ByteArrayInputStream(probe)).deploy();
        assertThat(deployer.deployedFingerprint(tenant)).isNull();

        TestClock.set(Instant.parse("2031-03-02T09:01:00Z"));
        assertThat(deployer.deployTo(tenant, new TreeMap<>(Map.of("bpmn/tenant-probe.bpmn", probe)))).isTrue();

        assertThat(repository.createProcessDefinitionQuery().tenantIdIn(tenant).count())
                .as("the same diagram is not a new version").isOne();
        assertThat(deployer.deployedFingerprint(tenant)).isNotNull();
    }

    @Test
    void theFingerprintDependsOnNamesAndBytes() {
        Map<String, byte[]> a = new TreeMap<>(Map.of("bpmn/a.bpmn", new byte[] {1, 2}));
        assertThat(ProcessDeployer.fingerprint(a)).hasSize(64)
                .isEqualTo(ProcessDeployer.fingerprint(new TreeMap<>(Map.of("bpmn/a.bpmn", new byte[] {1, 2}))))
                .isNotEqualTo(ProcessDeployer.fingerprint(new TreeMap<>(Map.of("bpmn/b.bpmn", new byte[] {1, 2}))))
                .isNotEqualTo(ProcessDeployer.fingerprint(new TreeMap<>(Map.of("bpmn/a.bpmn", new byte[] {1, 3}))));
    }
}
