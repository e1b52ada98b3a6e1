package org.healthycities.tasks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.AuditLog;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Test-only plug-ins for the test process, as a process feature would write them: the case panel and the
 * review form (approve, or reject with a reason), which writes an audit row when it completes.
 */
@Component
class TestReviewHandler implements TaskFormHandler, TaskRecordPanel {

    static final String RECORD_TYPE = "tasks-test-case";

    /** For TaskRaceIT: a completion sent with "hold" says it is inside the handler, then waits to be let go. */
    static volatile CountDownLatch inside = new CountDownLatch(0);
    static volatile CountDownLatch release = new CountDownLatch(0);
    static final AtomicInteger completions = new AtomicInteger();
    private static final Set<String> REVIEWS = Set.of("overdueReview", "soonReview");

    private final AuditLog auditLog;
    private final TaskService tasks;

    TestReviewHandler(AuditLog auditLog, TaskService tasks) {
        this.auditLog = auditLog;
        this.tasks = tasks;
    }

    @Override
    public boolean supports(TaskView task) {
        return TaskFixtures.PROCESS.equals(task.processDefinitionKey())
                && REVIEWS.contains(task.taskDefinitionKey());
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public TaskFragment render(TaskView task, CurrentUser user, Locale locale) {
        return new TaskFragment("tasks-test/review", "record", Map.of("title", "Testsag " + task.businessKey()));
    }

    @Override
    public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
        return new TaskFragment("tasks-test/review", "reviewForm", Map.of("decisions", List.of("approve", "reject")));
    }

    @Override
    public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                   MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
        String decision = params.getFirst("decision");
        String reason = params.getFirst("reason");
        List<TaskFieldError> errors = new ArrayList<>();
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            errors.add(new TaskFieldError("decision-approve", "Vælg en beslutning."));
        }
        if ("reject".equals(decision) && (reason == null || reason.isBlank())) {
            errors.add(new TaskFieldError("reason", "Skriv en begrundelse for afslaget."));
        }
        if (!errors.isEmpty()) {
            return TaskFormResult.invalid(errors);
        }
        completions.incrementAndGet();
        if (params.containsKey("hold")) {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        auditLog.record(task.networkId(), RECORD_TYPE, task.businessKey(), "review decided " + decision, reason);
        if (params.containsKey("race")) {
            // another person completes the task in their own transaction while this one is still open
            CompletableFuture.runAsync(() -> tasks.complete(task.id())).join();
        }
        return TaskFormResult.complete(Map.of("decision", decision));
    }
}
