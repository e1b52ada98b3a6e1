package org.healthycities.forms;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.tasks.TaskView;

/**
 * A process feature's own rules for the tasks {@code forms.internal.FormTaskForms} renders from their camunda:formRef: what
 * the form file cannot say. Implement as a Spring bean; every supporting bean applies. The feature's work on
 * completion stays in its task listener, so a task completed in Camunda Tasklist gets the same.
 */
public interface FormTaskRules {

    boolean supports(TaskView task);

    /** Values an empty form shows beyond the file's defaults and the task's variables (e.g. today's date), as typed. */
    default Map<String, String> defaults(TaskView task) {
        return Map.of();
    }

    /**
     * Refusals beyond the file's rules (e.g. a reason when rejecting), on the file-checked answers (typed as
     * {@link Submissions#answers} types them; hidden fields absent). Message keys from any bundle.
     */
    default List<FieldError> check(TaskView task, Map<String, Object> answers) {
        return List.of();
    }

    /** Variables the process must not keep (e.g. free texts the listener copies elsewhere): passed as transient. */
    default Set<String> transientVariables(TaskView task) {
        return Set.of();
    }
}
