package org.healthycities.membership;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * What the process's forms must hold when the engine gets them, from Camunda Tasklist, the REST API or our own
 * pages alike: the start form (the same checks as /apply) and the decisions and texts of the user tasks. A
 * value that breaks a rule is refused with a {@link ProcessEngineException}, which rolls the start or the task's
 * completion back and tells the caller why. Our task page checks the same files earlier, with messages on the
 * fields ({@link ApplicationTaskForms}).
 */
@Component
class MembershipFormRules {

    /** The start form's fields: kept in the application, not in the process. */
    static final List<String> START_FORM_VARIABLES = List.of("municipalityCode", "municipalityName", "population",
            "politicalContactName", "politicalContactEmail", "politicalContactPhone", "adminContactName",
            "adminContactEmail", "adminContactPhone", "coordinatorName", "coordinatorEmail", "coordinatorPhone",
            "decisionDate", "decisionBody", "accessionSignedByMayor", "mayorName", "coordinatorJoinsAssembly",
            "motivation", "themeGroupIds", "consent", "decisionDocumentId");
    /** Texts a task form may send; copied into the application, then removed from the process. */
    static final List<String> TEXT_VARIABLES = List.of("reviewNote", "questions", "boardNote",
            "boardDecisionDate", "codeNote", "meetingNote", "meetingDate");

    private final Validator validator;
    private final Applications applications;

    MembershipFormRules(Validator validator, Applications applications) {
        this.validator = validator;
        this.applications = applications;
    }

    /** The start form's variables as an application form, checked as /apply checks it. */
    ApplicationForm startForm(String networkId, Map<String, Object> variables, String processInstanceId) {
        ApplicationForm form = ApplicationForm.fromVariables(variables);
        form.setIdempotencyKey("process:" + processInstanceId);
        Errors errors = new BeanPropertyBindingResult(form, "application");
        validator.validate(form).forEach(v -> errors.rejectValue(v.getPropertyPath().toString(), "invalid",
                v.getMessage()));
        applications.validate(networkId, form, errors);
        if (errors.hasErrors()) {
            List<String> fields = new ArrayList<>();
            for (ObjectError e : errors.getAllErrors()) {
                fields.add(e instanceof FieldError f ? f.getField() + ": " + f.getDefaultMessage() + " " + f.getCode()
                        : e.getCode());
            }
            throw new ProcessEngineException("The application is not complete: " + String.join("; ", fields));
        }
        return form;
    }

    /** The decision a task's form sent, one of {@code allowed}. */
    static String decision(Object value, String variable, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        throw new ProcessEngineException("membership." + variable + ".required: choose one of "
                + String.join(", ", allowed));
    }

    static String requireText(String value, String variable) {
        if (value == null) {
            throw new ProcessEngineException("membership." + variable + ".required");
        }
        return value;
    }

    /** A text a form sent, stripped; null when blank or not sent. */
    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** The fee a form sent (a number or its text, with a decimal comma or point); null when blank. */
    static BigDecimal fee(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        BigDecimal fee = new BigDecimal(value.toString().trim().replace(',', '.'));
        if (fee.signum() < 0) {
            throw new ProcessEngineException("membership.fee.negative");
        }
        return fee;
    }

    /** A date a form sent as ISO text (a date-time's day), or {@code otherwise} when none was sent. */
    static LocalDate date(Object value, LocalDate otherwise) {
        String text = text(value);
        return text == null ? otherwise : LocalDate.parse(text.substring(0, 10));
    }
}
