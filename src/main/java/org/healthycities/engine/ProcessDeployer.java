package org.healthycities.engine;

import java.io.IOException;
import java.io.InputStream;
import org.camunda.bpm.engine.RepositoryService;
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
    private final NetworkDirectory networks;

    ProcessDeployer(RepositoryService repository, NetworkDirectory networks) {
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
        }
    }

    private static void add(DeploymentBuilder deployment, String folder, Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(folder + resource.getFilename(), in);
        }
    }
}
