package org.healthycities.notifications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.modulith.NamedInterface;

/**
 * A mail kind a network may word itself: the feature that sends it names its template, the placeholders a
 * text may use (each read from the mail's model, the same model the template gets), the placeholders a text
 * must keep (a receipt without {link} would strand the applicant), and how to find a real record of a network
 * to preview a text with. {@code recipient} is always there.
 *
 * @param template     the Thymeleaf template the mail is sent with, e.g. {@code membership/mail/welcome}
 * @param placeholders name to value, read from the model; numbers and lists are formatted for the language
 * @param required     placeholders every text of this kind must contain
 * @param example      a network's latest real record as a model, or empty when it has none
 */
@NamedInterface("editable-mails")
public record EditableMail(String template, Map<String, Function<Map<String, Object>, Object>> placeholders,
                           Set<String> required, Function<String, Optional<Map<String, Object>>> example) {

    public static final String RECIPIENT = "recipient";

    public EditableMail {
        Map<String, Function<Map<String, Object>, Object>> all = new LinkedHashMap<>();
        all.put(RECIPIENT, model -> model.get("recipientName"));
        all.putAll(placeholders);
        placeholders = Collections.unmodifiableMap(all);
        required = Set.copyOf(required);
    }

    /** A kind with no placeholders yet; add them with {@link #with} and {@link #requiring}. */
    public static EditableMail of(String template, Function<String, Optional<Map<String, Object>>> example) {
        return new EditableMail(template, Map.of(), Set.of(), example);
    }

    public EditableMail with(String placeholder, Function<Map<String, Object>, Object> value) {
        Map<String, Function<Map<String, Object>, Object>> more = new LinkedHashMap<>(placeholders);
        more.put(placeholder, value);
        return new EditableMail(template, more, required, example);
    }

    /** This kind with a placeholder every text must contain. */
    public EditableMail requiring(String placeholder, Function<Map<String, Object>, Object> value) {
        Set<String> more = new LinkedHashSet<>(required);
        more.add(placeholder);
        return new EditableMail(template, placeholders, more, example).with(placeholder, value);
    }

    /** The kind's id in a page's address and in bundle keys: the template with dots, e.g. membership.mail.welcome. */
    public String id() {
        return template.replace('/', '.');
    }

    /** A value of a map in the model, e.g. the application's facts under "app". */
    @SuppressWarnings("unchecked")
    public static Function<Map<String, Object>, Object> inMap(String variable, String key) {
        return model -> model.get(variable) instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
    }

    /** The model's variable as it is. */
    public static Function<Map<String, Object>, Object> variable(String variable) {
        return model -> model.get(variable);
    }
}
