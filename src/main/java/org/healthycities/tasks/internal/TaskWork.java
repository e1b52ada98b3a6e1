package org.healthycities.tasks.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** Claim, unclaim and complete, each checked against the person and the task's current state. */
@Service
class TaskWork {

    enum Status { DONE, INVALID, NOT_FOUND, ENDED, CLAIMED_BY_OTHER, NOT_CANDIDATE }

    /** What happened; {@code task} is as it stands after the refusal, or as it was before the work. */
    record Result(Status status, TaskView task, List<TaskFieldError> errors) {
        Result(Status status, TaskView task) {
            this(status, task, List.of());
        }
    }

    private final TaskDirectory directory;
    private final TaskPlugins plugins;
    private final TaskService tasks;
    private final IdentityService identity;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    TaskWork(TaskDirectory directory, TaskPlugins plugins, TaskService tasks, IdentityService identity,
             PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.directory = directory;
        this.plugins = plugins;
        this.tasks = tasks;
        this.identity = identity;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
    }

    Result claim(CurrentUser user, String id) {
        return guarded(user, id, task -> {
            Result refusal = refusal(user, task);
            if (refusal == null && task.assignee() == null) {
                asEngineUser(user, () -> tasks.claim(id, user.id()));
            }
            return refusal != null ? refusal : new Result(Status.DONE, task);
        });
    }

    /** Gives one's own task back to the group; the admin may also free someone else's. */
    Result unclaim(CurrentUser user, String id) {
        return guarded(user, id, task -> {
            if (task.assignee() != null && !task.assignee().equals(user.id()) && !user.isAdmin()) {
                return new Result(Status.CLAIMED_BY_OTHER, task);
            }
            if (task.assignee() != null) {
                asEngineUser(user, () -> tasks.claim(id, null));
            }
            return new Result(Status.DONE, task);
        });
    }

    /** Completes through the task's form handler; its data and the completion commit together or not at all. */
    Result complete(CurrentUser user, String id, MultiValueMap<String, String> params,
                    MultiValueMap<String, MultipartFile> files, Locale locale) {
        return guarded(user, id, task -> {
            Result refusal = refusal(user, task);
            if (refusal != null) {
                return refusal;
            }
            TaskFormResult result = Objects.requireNonNull(
                    plugins.handler(task).complete(task, params, files, user, locale), "a form handler's result");
            if (result instanceof TaskFormResult.Invalid invalid) {
                return new Result(Status.INVALID, task, invalid.errors());
            }
            Map<String, Object> variables = ((TaskFormResult.Completed) result).variables();
            asEngineUser(user, () -> {
                if (task.assignee() == null) {
                    tasks.claim(id, user.id()); // so the history shows who completed it
                }
                tasks.complete(id, variables);
            });
            return new Result(Status.DONE, task);
        });
    }

    /** Someone else's task, or one not offered to the person: null when the person may work it. */
    private Result refusal(CurrentUser user, TaskView task) {
        if (task.assignee() != null && !task.assignee().equals(user.id())) {
            return new Result(Status.CLAIMED_BY_OTHER, task);
        }
        if (task.assignee() == null && !directory.isCandidate(user, task.id())) {
            return new Result(Status.NOT_CANDIDATE, task);
        }
        return null;
    }

    /**
     * Runs the work on the open task in one transaction, rolled back unless it is DONE, holding the task's lock
     * row: work on the same task through our pages (any node) waits for the one before and then sees the task
     * as it left it. Only a change made past our pages (Tasklist, REST) can still beat us: the engine then
     * refuses with an optimistic-locking or not-found error, everything is rolled back, and we say what happened.
     */
    private Result guarded(CurrentUser user, String id, Function<TaskView, Result> work) {
        try {
            return attempt(user, id, work);
        } catch (OptimisticLockingException | NullValueException changedElsewhere) {
            TaskView now = directory.find(user, id).orElseThrow(() -> changedElsewhere);
            if (!now.open()) {
                return new Result(Status.ENDED, now);
            }
            if (now.assignee() != null && !now.assignee().equals(user.id())) {
                return new Result(Status.CLAIMED_BY_OTHER, now);
            }
            throw changedElsewhere;
        }
    }

    private Result attempt(CurrentUser user, String id, Function<TaskView, Result> work) {
        return transaction.execute(status -> {
            lock(id);
            TaskView task = directory.find(user, id).orElse(null);
            Result result = task == null ? new Result(Status.NOT_FOUND, null)
                    : !task.open() ? new Result(Status.ENDED, task) : work.apply(task);
            if (result.status() != Status.DONE) {
                status.setRollbackOnly();
            }
            return result;
        });
    }

    /** Waits for (then holds until commit) the task's lock row; the first work on a task makes the row. */
    private void lock(String taskId) {
        if (taskId == null || taskId.length() > 64) {
            return;
        }
        // an upsert takes the row's exclusive lock at once, also when it exists (no shared lock to upgrade)
        jdbc.update("INSERT INTO task_work_lock (task_id) VALUES (?) ON DUPLICATE KEY UPDATE task_id = task_id", taskId);
    }

    /** The engine writes its user operation log (Cockpit, our history panel) only for an authenticated user. */
    private void asEngineUser(CurrentUser user, Runnable command) {
        identity.setAuthentication(user.id(), user.groupList(), List.copyOf(user.networks()));
        try {
            command.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
