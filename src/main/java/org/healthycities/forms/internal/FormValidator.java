package org.healthycities.forms.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.healthycities.forms.DocumentRef;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FieldKind;
import org.healthycities.forms.FieldRules;
import org.healthycities.forms.FormComponent;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormViews;

/**
 * Checks posted answers by the form's own schema (form-js "validate" rules, option lists, conditions) and turns
 * them into typed values: String, BigDecimal, Boolean, LocalDate, List of option values, DocumentRef.
 * A draft is checked for types and limits only; a submission also for required fields. Hidden fields are never
 * required and never kept.
 */
public final class FormValidator {

    public enum Mode { DRAFT, SUBMIT }

    /** The outcome: the typed answers to keep, the new uploads to store, and the refusals. */
    public record Validated(Map<String, Object> values, Map<String, FormInput.Upload> uploads, List<FieldError> errors,
                     Set<String> hidden) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    // the patterns form-js uses for validationType email and phone, loosened to what people type
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()\\-]{4,}$");

    private FormValidator() {
    }

    /**
     * @param documents the upload fields' stored documents, kept when no new file is chosen
     */
    public static Validated validate(FormDefinition form, FormInput input, Mode mode, Map<String, DocumentRef> documents) {
        List<FieldError> errors = new ArrayList<>();
        refuseUnknown(form, input, errors);
        Map<String, Object> lenient = lenientValues(form, input, documents);
        Set<String> hidden = Visibility.hidden(form, lenient);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, FormInput.Upload> uploads = new LinkedHashMap<>();
        for (FormComponent field : form.fields()) {
            if (hidden.contains(field.key()) || field.kind() == FieldKind.COMPUTED || field.tasklistOnly()) {
                continue;
            }
            if (field.readonly()) {
                // shown, never posted: its value is the data's (e.g. the strategic goal an item is about)
                Object given = field.defaultValue() == null ? null
                        : typed(field, FormViews.posted(field.defaultValue()), new ArrayList<>());
                if (given != null) {
                    values.put(field.key(), given);
                }
                continue;
            }
            if (field.kind() == FieldKind.UPLOAD) {
                upload(field, input, documents, mode, values, uploads, errors);
                continue;
            }
            int before = errors.size();
            Object value = typed(field, input.get(field.key()), errors);
            if (value == null) {
                // a value refused already says what is wrong; "required" is for a field left empty
                if (mode == Mode.SUBMIT && field.rules().required() && errors.size() == before) {
                    errors.add(new FieldError(field.key(), "form.error.required"));
                }
                continue;
            }
            if (mode == Mode.SUBMIT && field.rules().required() && Boolean.FALSE.equals(value)) {
                errors.add(new FieldError(field.key(), "form.error.tick")); // a required checkbox must be ticked
            }
            values.put(field.key(), value);
        }
        computed(form, hidden, values);
        return new Validated(values, uploads, List.copyOf(errors), hidden);
    }

    private static void refuseUnknown(FormDefinition form, FormInput input, List<FieldError> errors) {
        for (String key : input.values().keySet()) {
            if (form.field(key).filter(FormComponent::isAnswerable).isEmpty()) {
                errors.add(new FieldError(null, "form.error.unknownField", key));
            }
        }
        for (String key : input.uploads().keySet()) {
            if (form.field(key).filter(f -> f.kind() == FieldKind.UPLOAD).isEmpty()) {
                errors.add(new FieldError(null, "form.error.unknownField", key));
            }
        }
    }

    /** Best-effort values for the conditions, before the strict checks. */
    public static Map<String, Object> lenientValues(FormDefinition form, FormInput input, Map<String, DocumentRef> documents) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormComponent field : form.fields()) {
            // a read-only field's value is the data's, never the post's (e.g. a network's setting a condition reads)
            List<String> raw = field.readonly() && field.defaultValue() != null
                    ? FormViews.posted(field.defaultValue()) : nonBlank(input.get(field.key()));
            Object value = switch (field.kind()) {
                case MULTI_CHOICE -> raw;
                case BOOLEAN -> raw.stream().anyMatch(FormValidator::isTrue);
                case NUMBER -> raw.isEmpty() ? null : number(raw.get(0));
                case UPLOAD -> input.uploads().containsKey(field.key()) ? input.uploads().get(field.key()).filename()
                        : documents.containsKey(field.key()) ? documents.get(field.key()).filename() : null;
                default -> raw.isEmpty() ? null : raw.get(0);
            };
            values.put(field.key(), value);
        }
        return values;
    }

    private static Object typed(FormComponent field, List<String> posted, List<FieldError> errors) {
        List<String> raw = nonBlank(posted);
        String key = field.key();
        if (field.kind() == FieldKind.MULTI_CHOICE) {
            Set<String> chosen = new LinkedHashSet<>(raw);
            for (String v : chosen) {
                if (!field.hasOption(v)) {
                    errors.add(new FieldError(key, "form.error.option"));
                    return null;
                }
            }
            return chosen.isEmpty() ? null : List.copyOf(chosen);
        }
        if (field.kind() == FieldKind.BOOLEAN) {
            if (raw.stream().anyMatch(v -> !isTrue(v) && !"false".equals(v))) {
                errors.add(new FieldError(key, "form.error.boolean"));
                return null;
            }
            return raw.stream().anyMatch(FormValidator::isTrue);
        }
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.size() > 1) {
            errors.add(new FieldError(key, "form.error.single"));
            return null;
        }
        String value = raw.get(0);
        return switch (field.kind()) {
            case TEXT -> text(field, value, errors);
            case NUMBER -> number(field, value, errors);
            case DATE -> date(field, value, errors);
            case SINGLE_CHOICE -> {
                if (!field.hasOption(value)) {
                    errors.add(new FieldError(key, "form.error.option"));
                    yield null;
                }
                yield value;
            }
            default -> null;
        };
    }

    private static String text(FormComponent field, String value, List<FieldError> errors) {
        FieldRules rules = field.rules();
        int length = value.codePointCount(0, value.length());
        if (rules.minLength() != null && length < rules.minLength()) {
            errors.add(new FieldError(field.key(), "form.error.minLength", rules.minLength()));
        } else if (rules.maxLength() != null && length > rules.maxLength()) {
            errors.add(new FieldError(field.key(), "form.error.maxLength", rules.maxLength()));
        } else if (rules.pattern() != null && !matches(rules.pattern(), value)) {
            errors.add(new FieldError(field.key(), "form.error.pattern"));
        } else if ("email".equals(rules.validationType()) && !EMAIL.matcher(value).matches()) {
            errors.add(new FieldError(field.key(), "form.error.email"));
        } else if ("phone".equals(rules.validationType()) && !PHONE.matcher(value).matches()) {
            errors.add(new FieldError(field.key(), "form.error.phone"));
        } else if (!timeOrDateTime(field, value)) {
            errors.add(new FieldError(field.key(), "form.error.date"));
        } else {
            return value;
        }
        return null;
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).find(); // as form-js: RegExp.test
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("The form's pattern is not a regular expression: " + pattern, e);
        }
    }

    /** datetime with subtype time or datetime is kept as ISO text, but must be a real time. */
    private static boolean timeOrDateTime(FormComponent field, String value) {
        if (!"datetime".equals(field.type())) {
            return true;
        }
        try {
            if ("time".equals(field.subtype())) {
                LocalTime.parse(value);
            } else {
                LocalDateTime.parse(value);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static BigDecimal number(FormComponent field, String value, List<FieldError> errors) {
        BigDecimal n = number(value);
        FieldRules rules = field.rules();
        if (n == null) {
            errors.add(new FieldError(field.key(), "form.error.number"));
        } else if (rules.min() != null && n.compareTo(rules.min()) < 0) {
            errors.add(new FieldError(field.key(), "form.error.min", rules.min().toPlainString()));
        } else if (rules.max() != null && n.compareTo(rules.max()) > 0) {
            errors.add(new FieldError(field.key(), "form.error.max", rules.max().toPlainString()));
        } else {
            return n;
        }
        return null;
    }

    static BigDecimal number(String value) {
        String s = value.trim();
        if (s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
            s = s.replace(',', '.'); // Danish decimal comma
        }
        try {
            BigDecimal n = new BigDecimal(s);
            return n.abs().compareTo(new BigDecimal("1e27")) >= 0 || n.scale() > 10 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(FormComponent field, String value, List<FieldError> errors) {
        try {
            return LocalDate.parse(value.trim()); // ISO_LOCAL_DATE is strict: 2025-02-30 is refused
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field.key(), "form.error.date"));
            return null;
        }
    }

    private static void upload(FormComponent field, FormInput input, Map<String, DocumentRef> documents, Mode mode,
                               Map<String, Object> values, Map<String, FormInput.Upload> uploads,
                               List<FieldError> errors) {
        FormInput.Upload upload = input.uploads().get(field.key());
        if (upload != null) {
            uploads.put(field.key(), upload);
        } else if (documents.containsKey(field.key())) {
            values.put(field.key(), documents.get(field.key()));
        } else if (mode == Mode.SUBMIT && field.rules().required()) {
            errors.add(new FieldError(field.key(), "form.error.required"));
        }
    }

    /** form-js "expression" fields: computed on the server from the visible answers. */
    private static void computed(FormDefinition form, Set<String> hidden, Map<String, Object> values) {
        for (FormComponent field : form.fields()) {
            if (field.kind() == FieldKind.COMPUTED && !hidden.contains(field.key()) && field.expression() != null) {
                Object result = Feel.evaluate(field.expression(), feelValues(values));
                Object value = result instanceof Number n ? new BigDecimal(n.toString())
                        : result instanceof Boolean || result instanceof String ? result : null;
                if (value != null) {
                    values.put(field.key(), value);
                }
            }
        }
    }

    /** The answers as FEEL sees them (as form-js does: dates as ISO text, uploads as the file name). */
    static Map<String, Object> feelValues(Map<String, Object> values) {
        Map<String, Object> feel = new LinkedHashMap<>();
        values.forEach((k, v) -> feel.put(k, v instanceof LocalDate || v instanceof DocumentRef ? v.toString() : v));
        return feel;
    }

    private static boolean isTrue(String v) {
        return "true".equals(v) || "on".equals(v);
    }

    private static List<String> nonBlank(List<String> raw) {
        return raw.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
