package org.healthycities.membership.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormComponent;
import org.healthycities.forms.FormInput;
import org.springframework.stereotype.Component;

/**
 * What the process's forms must hold when the engine gets them, from Camunda Tasklist, the REST API or our own
 * pages alike: the start form (the same checks as /apply) and the decisions and texts of the user tasks. A
 * value that breaks a rule is refused with a {@link ProcessEngineException}, which rolls the start or the task's
 * completion back and tells the caller why. Our task page checks the same files earlier, with messages on the
 * fields ({@link ApplicationTaskForms}).
 */
@Component
class MembershipFormRules {

    /** Texts a task form may send; copied into the application, then removed from the process. */
    static final List<String> TEXT_VARIABLES = List.of("reviewNote", "questions", "boardNote",
            "boardDecisionDate", "codeNote", "meetingNote", "meetingDate");

    private final Applications applications;

    MembershipFormRules(Applications applications) {
        this.applications = applications;
    }

    /**
     * The start form's fields (the keys of the application form, and the document given to the process): kept in
     * the application, not in the process.
     */
    List<String> startFormVariables() {
        List<String> keys = new ArrayList<>(applications.form().fields().stream().map(FormComponent::key).toList());
        keys.add("decisionDocumentId");
        return keys;
    }

    /**
     * The start form's variables as the application's answers, checked by the same form and rules as /apply;
     * refused with the fields and reasons named.
     */
    ApplicationAnswers startForm(String networkId, Map<String, Object> variables) {
        // the form's answers among the start's variables (the REST API may send others, e.g. decisionDocumentId)
        Set<String> keys = applications.form().fields().stream().map(FormComponent::key).collect(Collectors.toSet());
        Map<String, Object> answers = new LinkedHashMap<>(variables);
        answers.keySet().retainAll(keys);
        FormInput input = ApplicationAnswers.input(answers);
        List<FieldError> errors = applications.check(networkId, input);
        if (!errors.isEmpty()) {
            throw new ProcessEngineException("The application is not complete: " + errors.stream()
                    .map(e -> e.field() + ": " + e.messageKey()).collect(Collectors.joining("; ")));
        }
        return ApplicationAnswers.of(input);
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
