package org.healthycities.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestNetworks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A release deploys the diagrams again: an instance running on the older version moves onto the newest, step for step
 * of the same id, and goes on from there; another network's instances are left alone.
 */
@IntegrationTest
class ProcessMigrationIT {

    private static final String V2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="tenant-probe-definitions" targetNamespace="http://healthycities.org/test">
              <bpmn:process id="tenant-probe" name="Tenant probe, version 2" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
                <bpmn:userTask id="review" name="Review" camunda:candidateGroups="secretariat"/>
                <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="approve"/>
                <bpmn:userTask id="approve" name="Approve" camunda:candidateGroups="secretariat"/>
                <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end"/>
                <bpmn:endEvent id="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired
    TestNetworks networks;
    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void runningInstancesMoveToTheNewestVersion_andGoOnFromThere() {
        String network = networks.create("mig", 1);
        String other = networks.create("migo", 1);
        for (String tenant : new String[] {network, other}) {
            repository.createDeployment().tenantId(tenant).addClasspathResource("processes/tenant-probe.bpmn").deploy();
        }
        ProcessInstance old = runtime.createProcessInstanceByKey("tenant-probe").processDefinitionTenantId(network).execute();
        ProcessInstance untouched = runtime.createProcessInstanceByKey("tenant-probe").processDefinitionTenantId(other)
                .execute();
        String before = old.getProcessDefinitionId();
        repository.createDeployment().tenantId(network).addString("tenant-probe.bpmn", V2).deploy();

        assertThat(deployer.migrateToNewest(network)).isEqualTo(1);

        ProcessInstance now = runtime.createProcessInstanceQuery().processInstanceId(old.getId()).singleResult();
        assertThat(now.getProcessDefinitionId()).isNotEqualTo(before);
        assertThat(repository.getProcessDefinition(now.getProcessDefinitionId()).getVersion()).isEqualTo(2);
        tasks.complete(tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getId());
        assertThat(tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getTaskDefinitionKey())
                .as("the new version's next step").isEqualTo("approve");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(untouched.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(untouched.getProcessDefinitionId());
        assertThat(deployer.migrateToNewest(network)).as("nothing left to move").isZero();
    }
}
