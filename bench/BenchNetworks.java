import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.ApplicationContext;

/** A benchmark network's tenant in the engine with its processes, deployed as the application deploys them. */
final class BenchNetworks {

    private BenchNetworks() {
    }

    static void tenantWithProcesses(ApplicationContext app, String networkId, String... bpmnFiles) {
        IdentityService identity = app.getBean(IdentityService.class);
        identity.saveTenant(identity.newTenant(networkId));
        DeploymentBuilder deployment = app.getBean(RepositoryService.class).createDeployment().tenantId(networkId);
        for (String file : bpmnFiles) {
            deployment.addClasspathResource("bpmn/" + file);
        }
        deployment.deploy();
    }
}
