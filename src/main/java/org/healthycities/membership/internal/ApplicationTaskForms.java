package org.healthycities.membership.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormTaskRules;
import org.healthycities.network.NetworkClock;
import org.healthycities.tasks.TaskView;
import org.springframework.stereotype.Component;

/**
 * What the membership tasks' form files (forms/membership-*.form) cannot say, for our task page: a reason when
 * rejecting, today's date to start from, and which texts the process does not keep. The forms engine renders and
 * checks the files; the process's complete listeners (MembershipSteps, OnboardingTasks) do the work, for our
 * page and Camunda Tasklist alike.
 */
@Component
class ApplicationTaskForms implements FormTaskRules {

    private static final Set<String> TASKS = Set.of("review", "board", "codeCheck", "welcomeMeeting");

    private final NetworkClock time;

    ApplicationTaskForms(NetworkClock time) {
        this.time = time;
    }

    @Override
    public boolean supports(TaskView task) {
        return MembershipGateway.PROCESS_KEY.equals(task.processDefinitionKey()) && TASKS.contains(task.taskDefinitionKey());
    }

    @Override
    public Map<String, String> defaults(TaskView task) {
        String today = time.today(task.networkId()).toString();
        return switch (task.taskDefinitionKey()) {
            case "board" -> Map.of("boardDecisionDate", today);
            case "welcomeMeeting" -> Map.of("meetingDate", today);
            default -> Map.of();
        };
    }

    @Override
    public List<FieldError> check(TaskView task, Map<String, Object> answers) {
        List<FieldError> errors = new ArrayList<>();
        switch (task.taskDefinitionKey()) {
            case "review" -> reasonOnReject(answers, "reviewDecision", "reviewNote", errors);
            case "board" -> reasonOnReject(answers, "boardDecision", "boardNote", errors);
            case "codeCheck" -> reasonOnReject(answers, "codeDecision", "codeNote", errors);
            default -> { }
        }
        return errors;
    }

    /** Texts are transient: the complete listener copies them into the application; the process keeps none. */
    @Override
    public Set<String> transientVariables(TaskView task) {
        return Set.copyOf(MembershipFormRules.TEXT_VARIABLES);
    }

    private static void reasonOnReject(Map<String, Object> answers, String decision, String reason,
                                       List<FieldError> errors) {
        if ("reject".equals(answers.get(decision)) && !answers.containsKey(reason)) {
            errors.add(new FieldError(reason, "membership.task.reason.required"));
        }
    }
}
