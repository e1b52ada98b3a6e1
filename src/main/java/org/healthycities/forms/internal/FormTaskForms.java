package org.healthycities.forms.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FieldKind;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormComponent;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormTaskRules;
import org.healthycities.forms.FormView;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.Submissions;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.TaskFieldError;
import org.healthycities.tasks.TaskFormHandler;
import org.healthycities.tasks.TaskFormResult;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskFragment;
import org.healthycities.tasks.TaskView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Any task whose camunda:formRef names a form file in forms/, on our task page: the file rendered by our
 * renderer (as Camunda Tasklist renders it for the same task), prefilled from the task's variables, checked on
 * the server by the file's rules (required, limits, options, conditions) and the features' {@link FormTaskRules},
 * and completed with the answers as the process variables Tasklist would set. Late in order, so a feature's own
 * handler for a task wins. Forms with upload fields stay in Tasklist: a task completion stores no documents.
 * <p>
 * The forms feature's one gateway to the engine (issue 17's process pattern): the only class of forms that
 * touches an engine service ({@code TaskService}, to read the task's variables for the prefill) or engine types
 * (transient variable values); the task itself is completed by the tasks feature with the variables returned.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class FormTaskForms implements TaskFormHandler {

    private final FormCatalog catalog;
    private final FormViews views;
    private final TaskService tasks;
    private final ObjectProvider<FormTaskRules> rules;

    FormTaskForms(FormCatalog catalog, FormViews views, TaskService tasks, ObjectProvider<FormTaskRules> rules) {
        this.catalog = catalog;
        this.views = views;
        this.tasks = tasks;
        this.rules = rules;
    }

    @Override
    public boolean supports(TaskView task) {
        return form(task).isPresent();
    }

    private Optional<FormDefinition> form(TaskView task) {
        return Optional.ofNullable(task.formRef()).flatMap(catalog::find)
                .filter(f -> f.fields().stream().noneMatch(c -> c.kind() == FieldKind.UPLOAD));
    }

    @Override
    public TaskFragment form(TaskView task, TaskFormState state, CurrentUser user, Locale locale) {
        FormDefinition form = form(task).orElseThrow();
        FormView view;
        if (state.values().isEmpty()) {
            view = views.filled(form, prefill(task, form), locale);
        } else {
            // shown again after a refusal: the same checks give the same messages beside the fields
            FormInput input = FormInput.fromParameters(state.values());
            view = views.retry(form, input, errors(task, form, input).errors, locale);
        }
        // the task page shows the error summary (from TaskFormState) above the form: not a second one inside
        FormView fields = new FormView(view.formId(), view.versionHash(), view.fields(), List.of(), false);
        return new TaskFragment("forms/task", "formTask", Map.of("formView", fields));
    }

    @Override
    public TaskFormResult complete(TaskView task, MultiValueMap<String, String> params,
                                   MultiValueMap<String, MultipartFile> files, CurrentUser user, Locale locale) {
        FormDefinition form = form(task).orElseThrow();
        FormInput input = FormInput.fromParameters(params);
        Checked checked = errors(task, form, input);
        if (!checked.errors.isEmpty()) {
            // the summary lines as the forms renderer words them ("label: reason"), linked to the field
            return TaskFormResult.invalid(views.retry(form, input, checked.errors, locale).problems().stream()
                    .map(p -> new TaskFieldError(p.target() == null ? null : p.target().substring(1), p.message()))
                    .toList());
        }
        Set<String> transients = rules(task).flatMap(r -> r.transientVariables(task).stream())
                .collect(Collectors.toSet());
        Map<String, Object> variables = new LinkedHashMap<>();
        checked.values.forEach((key, value) -> {
            Object variable = variable(value);
            variables.put(key, transients.contains(key) ? Variables.untypedValue(variable, true) : variable);
        });
        return TaskFormResult.complete(variables);
    }

    private record Checked(Map<String, Object> values, List<FieldError> errors) {
    }

    private Checked errors(TaskView task, FormDefinition form, FormInput input) {
        FormValidator.Validated validated = FormValidator.validate(form, input, FormValidator.Mode.SUBMIT, Map.of());
        List<FieldError> errors = new ArrayList<>(validated.errors());
        if (errors.isEmpty()) {
            rules(task).forEach(r -> errors.addAll(r.check(task, validated.values())));
        }
        return new Checked(validated.values(), errors);
    }

    private Stream<FormTaskRules> rules(TaskView task) {
        return rules.orderedStream().filter(r -> r.supports(task));
    }

    /** As Tasklist fills the form: the task's variables named like its fields; then the features' defaults. */
    private Map<String, List<String>> prefill(TaskView task, FormDefinition form) {
        List<String> keys = form.fields().stream().map(FormComponent::key).toList();
        Map<String, List<String>> values = new LinkedHashMap<>();
        rules(task).forEach(r -> r.defaults(task).forEach((k, v) -> values.put(k, List.of(v))));
        tasks.getVariables(task.id(), keys).forEach((key, value) -> {
            String typed = typed(value);
            if (typed != null) {
                values.put(key, List.of(typed));
            }
        });
        return values;
    }

    private static String typed(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        }
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** As Camunda Tasklist submits the same form: dates as ISO text; numbers, lists as Submissions#variables. */
    private static Object variable(Object value) {
        return value instanceof LocalDate d ? d.toString() : Submissions.variable(value);
    }
}
