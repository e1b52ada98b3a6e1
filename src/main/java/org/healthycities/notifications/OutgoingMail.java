package org.healthycities.notifications;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A mail to send: one recipient, in the recipient's language, rendered from a Thymeleaf HTML template of the
 * calling feature (e.g. {@code "membership/mail/receipt"}; the subject is the template's {@code <title>}).
 * Every value of the model is escaped when the template uses {@code th:text}.
 *
 * @param to            the recipient's address
 * @param toName        the recipient's name, or null
 * @param locale        the language of the mail
 * @param template      the template name, as for a page
 * @param model         the template's variables; {@code baseUrl} and {@code recipientName} are added
 * @param networkId     the network the mail is sent for
 * @param dedupKey      null, or a key unique across all mails (prefix it with your feature, e.g.
 *                      {@code "membership:receipt:42"}): a second send with the same key sends nothing, so a
 *                      retried process step never mails twice
 */
public record OutgoingMail(String to, String toName, Locale locale, String template, Map<String, Object> model,
                           String networkId, String dedupKey) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(networkId, "networkId");
        // a copy that allows null values, which templates treat as empty
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model == null ? Map.of() : model));
    }

    /** A mail without name, model or dedup key; add them with the {@code with...} methods. */
    public static OutgoingMail to(String address, Locale locale, String template, String networkId) {
        return new OutgoingMail(address, null, locale, template, Map.of(), networkId, null);
    }

    public OutgoingMail withName(String name) {
        return new OutgoingMail(to, name, locale, template, model, networkId, dedupKey);
    }

    /** This mail with one more template variable. */
    public OutgoingMail with(String variable, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(model);
        more.put(variable, value);
        return new OutgoingMail(to, toName, locale, template, more, networkId, dedupKey);
    }

    public OutgoingMail withDedupKey(String key) {
        return new OutgoingMail(to, toName, locale, template, model, networkId, key);
    }
}
