package org.healthycities.evaluation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * The evaluation's user tasks on the task list's page: the member's answers beside the task, the review
 * (accept, or send back with a comment) and the follow-up after the deadline (extend, or no answer).
 */
@Component
@Order(0)
class EvaluationTasks implements TaskRecordPanel, TaskFormHandler {

    private static final Set<String> TASKS = Set.of(EvaluationGateway.TASK_REVIEW, EvaluationGateway.TASK_FOLLOW_UP);

    private final EvaluationService evaluations;
    private final MessageSource messages;
    private final NetworkClock time;

    EvaluationTasks(EvaluationService evaluations, MessageSource messages, NetworkClock time) {
        this.evaluations = evaluations;
        this.messages = messages;
        this.time = time;
    }

    @Override
    public boolean supports(TaskView task) {
        return EvaluationGateway.MEMBER.equals(task.processDefinitionKey()) && TASKS.contains(task.taskDefinitionKey());
    }

    @Override
    public Collection<String> businessKeysAbout(Collection<String> networks, String text) {
        return evaluations.idsAbout(networks, text).stream().map(String::valueOf).toList();
    }

    @Override
    public Map<String, String> subjects(Collection<String> businessKeys) {
        return evaluations.subjects(businessKeys);
    }

    @Override
    public String recordType() {
        return EvaluationService.RECORD_TYPE;
    }

    private MemberEvaluation evaluation(TaskView task) {
        return evaluations.find(Set.of(task.networkId()), Long.parseLong(task.businessKey())).orElseThrow();
    }

    @Override
    public TaskFragment render(TaskView task, CurrentUser user, Locale locale) {
        MemberEvaluation e = evaluation(task);
        EvaluationService.FormContext ctx = evaluations.context(e);
        return new TaskFragment("evaluation/task", "evaluationRecord",
                Map.of("evaluation", e, "answers", evaluations.answers(e, ctx), "ctx", ctx, "locale", locale));
    }

    @Override
    public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
        MemberEvaluation e = evaluation(task);
        boolean review = EvaluationGateway.TASK_REVIEW.equals(task.taskDefinitionKey());
        return new TaskFragment("evaluation/task", review ? "reviewDecision" : "followUpDecision",
                Map.of("evaluation", e, "round", evaluations.round(e.getRoundId()), "today", time.today(e.getNetworkId())));
    }

    @Override
    public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                   MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
        MemberEvaluation e = evaluation(task);
        String decision = params.getFirst("decision");
        if (EvaluationGateway.TASK_REVIEW.equals(task.taskDefinitionKey())) {
            String comment = params.getFirst("comment") == null ? "" : params.getFirst("comment").strip();
            if (!"accept".equals(decision) && !"sendBack".equals(decision)) {
                return invalid("decision-accept", "evaluation.task.decision", locale);
            }
            if ("sendBack".equals(decision) && comment.isEmpty()) {
                return invalid("comment", "evaluation.review.commentRequired", locale);
            }
            if (comment.length() > EvaluationService.MAX_COMMENT) {
                return invalid("comment", "evaluation.review.commentTooLong", locale);
            }
            evaluations.recordReview(e, "accept".equals(decision), comment, user.id());
            return TaskFormResult.complete(Map.of("decision", decision));
        }
        if ("giveUp".equals(decision)) {
            evaluations.recordGiveUp(e, user.id());
            return TaskFormResult.complete(Map.of("extended", false));
        }
        if (!"extend".equals(decision)) {
            return invalid("decision-extend", "evaluation.task.decision", locale);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(params.getFirst("deadline") == null ? "" : params.getFirst("deadline"));
        } catch (DateTimeParseException ex) {
            return invalid("deadline", "evaluation.extend.date", locale);
        }
        var problem = evaluations.extensionProblem(e, date);
        if (problem.isPresent()) {
            return invalid("deadline", problem.get(), locale);
        }
        evaluations.applyExtension(e, date, user.id());
        return TaskFormResult.complete(Map.of("extended", true));
    }

    private TaskFormResult invalid(String field, String key, Locale locale) {
        return TaskFormResult.invalid(List.of(new TaskFieldError(field, messages.getMessage(key, null, locale))));
    }
}
