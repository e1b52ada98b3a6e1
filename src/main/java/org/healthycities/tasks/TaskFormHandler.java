package org.healthycities.tasks;

import java.util.Locale;
import org.healthycities.security.CurrentUser;
import org.springframework.modulith.NamedInterface;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Renders and completes a task's form on our task page. Implement as a Spring bean; the first supporting
 * handler in Spring order wins, so a generic handler (e.g. one for every camunda:formRef) should carry a late
 * {@code @Order} and specific handlers an earlier one.
 */
@NamedInterface("task-plugins")
public interface TaskFormHandler {

    boolean supports(TaskView task);

    /**
     * The form's inputs and its submit button(s), without the {@code <form>} element: the page wraps it in a
     * multipart POST form with CSRF protection. {@code state} holds what was submitted and the errors when the
     * form is shown again, so the fragment can keep the input and mark the fields in error.
     */
    TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale);

    /**
     * Validates a submission and, when valid, saves the feature's own data and returns the process variables
     * the task completes with. Runs in the completion's transaction (after the task list's checks, see the
     * package documentation); must save nothing when it returns {@link TaskFormResult.Invalid}.
     *
     * @param params the submitted fields (the CSRF token removed)
     * @param files  the uploaded files by field name (empty file inputs left out)
     */
    TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                            MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale);
}
