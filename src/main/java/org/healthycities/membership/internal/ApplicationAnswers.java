package org.healthycities.membership.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.healthycities.forms.FormInput;
import org.healthycities.network.Contact;

/**
 * What an applicant answered on forms/membership-application.form (the one description of the application's
 * fields and rules), typed: from /apply, or from the start form in Camunda Tasklist or the REST API. Made only
 * from answers the form has passed ({@link Applications#check}).
 */
record ApplicationAnswers(String municipalityCode, String municipalityName, Integer population, Contact political,
                          Contact admin, Contact coordinator, LocalDate decisionDate, String decisionBody,
                          boolean accessionSignedByMayor, String mayorName, boolean coordinatorJoinsAssembly,
                          String motivation, Set<Long> themeGroupIds, boolean consent) {

    /** The answers of a form that was checked (its numbers and dates parse). */
    static ApplicationAnswers of(FormInput input) {
        Set<Long> groups = new LinkedHashSet<>();
        input.get("themeGroupIds").stream().filter(v -> v != null && !v.isBlank()).map(v -> Long.valueOf(v.trim()))
                .forEach(groups::add);
        String population = text(input, "population");
        String date = text(input, "decisionDate");
        return new ApplicationAnswers(text(input, "municipalityCode"), text(input, "municipalityName"),
                population == null ? null : new BigDecimal(population).intValue(),
                contact(input, "politicalContact"), contact(input, "adminContact"), contact(input, "coordinator"),
                date == null ? null : LocalDate.parse(date.substring(0, 10)), text(input, "decisionBody"),
                yes(input, "accessionSignedByMayor"), text(input, "mayorName"), yes(input, "coordinatorJoinsAssembly"),
                text(input, "motivation"), groups, yes(input, "consent"));
    }

    /**
     * A start form's process variables as the form's answers (as if posted): a date as its ISO day (form-js sends
     * text, the REST API may send a date), a list as its values, a check box as "true" when ticked.
     */
    static FormInput input(Map<String, Object> variables) {
        Map<String, Object> given = new LinkedHashMap<>();
        variables.forEach((key, value) -> given.put(key, value instanceof Date d
                ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString()
                : value instanceof Iterable<?> many ? list(many)
                : Boolean.FALSE.equals(value) ? null : value));
        return FormInput.of(given);
    }

    private static List<Object> list(Iterable<?> many) {
        List<Object> list = new ArrayList<>();
        many.forEach(list::add);
        return list;
    }

    /** A contact's three fields, keyed prefix + Name, Email and Phone in the form. */
    private static Contact contact(FormInput input, String prefix) {
        return new Contact(text(input, prefix + "Name"), text(input, prefix + "Email"), text(input, prefix + "Phone"));
    }

    /** A field's answer as typed, trimmed; null when blank. */
    static String text(FormInput input, String key) {
        return input.get(key).stream().filter(v -> v != null && !v.isBlank()).map(String::trim).findFirst().orElse(null);
    }

    private static boolean yes(FormInput input, String key) {
        return input.get(key).stream().anyMatch(v -> "true".equalsIgnoreCase(v) || "on".equalsIgnoreCase(v));
    }
}
