package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.InputStream;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.healthycities.support.InMemoryEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bpmn/forms-sample.bpmn on the in-memory engine. It has no steps bean and one path:
 * <ol>
 *   <li>started, the secretariat fills in the sample form (the deployment's copy of
 *       forms/sample-all-components.form), done.</li>
 * </ol>
 */
@Deployment(resources = {"bpmn/forms-sample.bpmn", "forms/sample-all-components.form"})
class FormsSampleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = InMemoryEngine.extension();

    @Test
    void started_secretariatFillsInTheSampleForm_done() throws Exception {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey("forms-sample");

        assertThat(pi).isWaitingAt("Task_fill_in");
        assertThat(task()).hasCandidateGroup("secretariat");
        try (InputStream deployed = formService().getDeployedTaskForm(task().getId());
             InputStream file = getClass().getResourceAsStream("/forms/sample-all-components.form")) {
            assertThat(deployed).hasBinaryContent(file.readAllBytes());
        }

        complete(task(), withVariables("textfield", "Hello"));

        assertThat(pi).hasPassedInOrder("StartEvent_started", "Task_fill_in", "EndEvent_done").isEnded();
    }
}
