/**
 * The task list: {@code /tasks} and {@code /tasks/{id}}, built on Camunda's TaskService, scoped to the
 * person's networks (tenants); the admin sees all. The same tasks stay workable in Camunda Tasklist.
 * Features write their records' history with {@link org.healthycities.tasks.AuditLog}, which the task page
 * shows. The pages, the queries on the engine and the completion are internal.
 *
 * <h2>How a process feature plugs in</h2>
 * Declare Spring beans (any package) implementing (these types form the named interface {@code task-plugins}):
 * <ul>
 *   <li>{@link org.healthycities.tasks.TaskRecordPanel}: shows the record a task is about (found by the process
 *       instance's business key) and names that record's type for the {@link org.healthycities.tasks.AuditLog}
 *       rows shown in the history panel.</li>
 *   <li>{@link org.healthycities.tasks.TaskFormHandler}: renders a task's form and completes it (validate, save
 *       the feature's own data, return the process variables). The first supporting handler in Spring order
 *       ({@code @Order}) wins. {@code org.healthycities.forms.internal.FormTaskForms} (late order) renders and checks any
 *       task whose camunda:formRef names a form file in forms/ (features add their own rules with
 *       {@code org.healthycities.forms.FormTaskRules}); without a handler, a task without a form gets a plain
 *       "complete" button, any other form is to be completed in Camunda Tasklist.</li>
 * </ul>
 * A panel may also let people read its record's documents from the task page
 * ({@code /tasks/{id}/documents/{documentId}}, see {@link org.healthycities.tasks.TaskRecordPanel#mayRead}).
 * Both render a {@link org.healthycities.tasks.TaskFragment}: a Thymeleaf fragment declared with exactly one
 * parameter, the model: {@code <div th:fragment="review(model)">...${model.application.name}...</div>}. The
 * page also offers {@code task} (a {@link org.healthycities.tasks.TaskView}) and, to form fragments,
 * {@code formState} (a {@link org.healthycities.tasks.TaskFormState}: what was submitted and the errors).
 * Give fragments names that are no HTML element's (not "form" or "time"): Thymeleaf's selector would also
 * match those elements.
 *
 * <h2>What the task list guarantees before a handler's {@code complete} runs</h2>
 * The task exists and is still open, lies in the person's networks, and the person is its assignee or a
 * candidate (it is then claimed for them). The handler's work and the completion run in one transaction:
 * if someone else completed the task meanwhile, everything rolls back and the person is told.
 */
package org.healthycities.tasks;
