package org.healthycities.membership;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.Variables;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * The membership tasks on our task page, with the fields of their forms in forms/ (same keys). Decisions go to
 * the process; texts travel as transient variables that the process's complete listener keeps in the application.
 */
@Component
@Order(10)
class ApplicationTaskForms implements TaskFormHandler {

    private static final Set<String> TASKS = Set.of("review", "board", "codeCheck", "welcomeMeeting");

    private final ApplicationTaskPanel panel;
    private final MessageSource messages;

    ApplicationTaskForms(ApplicationTaskPanel panel, MessageSource messages) {
        this.panel = panel;
        this.messages = messages;
    }

    @Override
    public boolean supports(TaskView task) {
        return Applications.PROCESS_KEY.equals(task.processDefinitionKey()) && TASKS.contains(task.taskDefinitionKey());
    }

    @Override
    public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
        Application a = panel.application(task);
        Map<String, Object> model = new HashMap<>();
        model.put("fee", a == null || a.fee == null ? "" : a.fee.stripTrailingZeros().toPlainString());
        model.put("currency", a == null || a.feeCurrency == null ? "" : a.feeCurrency);
        model.put("today", LocalDate.now(ApplicationLinkController.ZONE).toString());
        String fragment = switch (task.taskDefinitionKey()) {
            case "review" -> "reviewTask";
            case "board" -> "boardTask";
            case "codeCheck" -> "codeTask";
            default -> "meetingTask";
        };
        return new TaskFragment("membership/task", fragment, model);
    }

    @Override
    public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                   MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
        List<TaskFieldError> errors = new ArrayList<>();
        Map<String, Object> variables = new HashMap<>();
        switch (task.taskDefinitionKey()) {
            case "review" -> {
                String decision = decision(params, "reviewDecision", errors, locale, "approve", "ask", "reject");
                String questions = text(params, "questions");
                String note = text(params, "reviewNote");
                if ("ask".equals(decision) && questions == null) {
                    errors.add(error("questions", "membership.task.questions.required", locale));
                }
                if ("reject".equals(decision) && note == null) {
                    errors.add(error("reviewNote", "membership.task.reason.required", locale));
                }
                String fee = text(params, "fee");
                if (fee != null) {
                    try {
                        BigDecimal value = new BigDecimal(fee.replace(" ", "").replace(',', '.'));
                        if (value.signum() < 0) {
                            throw new NumberFormatException();
                        }
                        variables.put("fee", value.doubleValue());
                    } catch (NumberFormatException e) {
                        errors.add(error("fee", "membership.task.fee.invalid", locale));
                    }
                }
                put(variables, "reviewDecision", decision, false);
                put(variables, "questions", "ask".equals(decision) ? questions : null, true);
                put(variables, "reviewNote", note, true);
            }
            case "board" -> {
                String decision = decision(params, "boardDecision", errors, locale, "approve", "reject");
                String note = text(params, "boardNote");
                if ("reject".equals(decision) && note == null) {
                    errors.add(error("boardNote", "membership.task.reason.required", locale));
                }
                put(variables, "boardDecision", decision, false);
                put(variables, "boardDecisionDate", date(params, "boardDecisionDate", errors, locale), true);
                put(variables, "boardNote", note, true);
            }
            case "codeCheck" -> {
                String decision = decision(params, "codeDecision", errors, locale, "recheck", "reject");
                String note = text(params, "codeNote");
                if ("reject".equals(decision) && note == null) {
                    errors.add(error("codeNote", "membership.task.reason.required", locale));
                }
                put(variables, "codeDecision", decision, false);
                put(variables, "codeNote", note, true);
            }
            default -> {
                put(variables, "meetingDate", date(params, "meetingDate", errors, locale), true);
                put(variables, "meetingNote", text(params, "meetingNote"), true);
            }
        }
        return errors.isEmpty() ? TaskFormResult.complete(variables) : TaskFormResult.invalid(errors);
    }

    private String decision(MultiValueMap<String, String> params, String field, List<TaskFieldError> errors,
                            Locale locale, String... allowed) {
        String value = params.getFirst(field);
        if (value != null && List.of(allowed).contains(value)) {
            return value;
        }
        errors.add(error(field, "membership.task.decision.required", locale));
        return null;
    }

    private String date(MultiValueMap<String, String> params, String field, List<TaskFieldError> errors, Locale locale) {
        String value = text(params, field);
        try {
            return LocalDate.parse(value == null ? "" : value).toString();
        } catch (DateTimeParseException e) {
            errors.add(error(field, "membership.task.date.required", locale));
            return null;
        }
    }

    /** Texts are transient: the complete listener copies them into the application; the process keeps none. */
    private static void put(Map<String, Object> variables, String name, String value, boolean text) {
        if (value != null) {
            variables.put(name, text ? Variables.stringValue(value, true) : value);
        }
    }

    private static String text(MultiValueMap<String, String> params, String field) {
        String v = params.getFirst(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private TaskFieldError error(String field, String key, Locale locale) {
        return new TaskFieldError(field, messages.getMessage(key, null, locale));
    }
}
