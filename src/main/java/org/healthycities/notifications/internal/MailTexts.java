package org.healthycities.notifications.internal;

import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.EditableMails;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.validation.Errors;

/**
 * The networks' own mail texts: which mail kinds may be worded, the check of a text (every placeholder known,
 * the required ones kept, lengths) and filling a text's placeholders from a mail's model.
 */
@Service
class MailTexts {

    /** The languages a text is written in; a mail in another language gets the built-in text. */
    static final List<String> LANGUAGES = List.of("da", "en", "sv", "nb");
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final MailTextRepository repository;
    private final NetworkDirectory networks;
    // read when used: a feature's mail kinds may depend on beans that send mail, which need this
    private final SingletonSupplier<List<EditableMail>> kinds;
    private final Clock clock;

    MailTexts(MailTextRepository repository, NetworkDirectory networks, ObjectProvider<EditableMails> features,
              Clock clock) {
        this.repository = repository;
        this.networks = networks;
        this.kinds = SingletonSupplier.of(() -> features.orderedStream().flatMap(f -> f.editableMails().stream()).toList());
        this.clock = clock;
    }

    /** The features declare their kinds once; read for every mail, so collected once. */
    List<EditableMail> kinds() {
        return kinds.obtain();
    }

    Optional<EditableMail> kind(String id) {
        return kinds().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    Optional<EditableMail> kindOf(String template) {
        return kinds().stream().filter(k -> k.template().equals(template)).findFirst();
    }

    /** The sender the network set for its mails, if it set one. */
    Optional<String> sender(String networkId) {
        return networks.network(networkId).map(Network::getMailSender);
    }

    /**
     * The network's own text of this kind in this language, if it wrote one. Read once per transaction: a round's
     * batch writes 50 invitations in one, and asking 50 times was 6 % of the round.
     */
    Optional<MailText> own(String networkId, String template, String language) {
        Map<String, Optional<MailText>> read = readInThisTransaction();
        return read == null ? repository.findByNetworkIdAndTemplateAndLanguage(networkId, template, language)
                : read.computeIfAbsent(key(networkId, template, language),
                        k -> repository.findByNetworkIdAndTemplateAndLanguage(networkId, template, language));
    }

    private static String key(String networkId, String template, String language) {
        return networkId + '\n' + template + '\n' + language;
    }

    /**
     * The texts this transaction read, by {@link #key}; null outside a transaction. Kept by one of the
     * transaction's own synchronizations, so it ends with it (and a transaction started inside has its own).
     */
    private static Map<String, Optional<MailText>> readInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof TextsRead texts) {
                return texts.read;
            }
        }
        TextsRead texts = new TextsRead();
        TransactionSynchronizationManager.registerSynchronization(texts);
        return texts.read;
    }

    private static final class TextsRead implements TransactionSynchronization {
        final Map<String, Optional<MailText>> read = new HashMap<>();
    }

    /** A text reworded or reset: the transaction reads it again. */
    private static void forget(String networkId, String template, String language) {
        Map<String, Optional<MailText>> read = readInThisTransaction();
        if (read != null) {
            read.remove(key(networkId, template, language));
        }
    }

    /** For each kind's template, the languages the network has its own text in. */
    Map<String, Set<String>> worded(String networkId) {
        return repository.findByNetworkId(networkId).stream().collect(Collectors.groupingBy(MailText::getTemplate,
                Collectors.mapping(MailText::getLanguage, Collectors.toCollection(LinkedHashSet::new))));
    }

    /** Refusals go into {@code errors} on the fields "subject" and "body", each naming what is wrong. */
    void check(EditableMail kind, String subject, String body, Errors errors) {
        if (subject == null || subject.isBlank()) {
            errors.rejectValue("subject", "notifications.text.required");
        } else if (subject.length() > MAX_SUBJECT) {
            errors.rejectValue("subject", "notifications.text.tooLong", new Object[] {MAX_SUBJECT}, null);
        }
        if (body == null || body.isBlank()) {
            errors.rejectValue("body", "notifications.text.required");
        } else if (body.length() > MAX_BODY) {
            errors.rejectValue("body", "notifications.text.tooLong", new Object[] {MAX_BODY}, null);
        }
        String known = kind.placeholders().keySet().stream().map(p -> "{" + p + "}").collect(Collectors.joining(", "));
        for (String field : List.of("subject", "body")) {
            String text = field.equals("subject") ? subject : body;
            for (String name : placeholders(text)) {
                if (!kind.placeholders().containsKey(name)) {
                    errors.rejectValue(field, "notifications.text.unknownPlaceholder",
                            new Object[] {"{" + name + "}", known}, null);
                }
            }
        }
        if (body != null && !body.isBlank()) {
            Set<String> used = new LinkedHashSet<>(placeholders(subject));
            used.addAll(placeholders(body));
            for (String name : kind.required()) {
                if (!used.contains(name)) {
                    errors.rejectValue("body", "notifications.text.missingPlaceholder", new Object[] {"{" + name + "}"},
                            null);
                }
            }
        }
    }

    /** Keeps the text when {@link #check} finds nothing; otherwise nothing is written. */
    @Transactional
    void save(String networkId, EditableMail kind, String language, String subject, String body, String by,
              Errors errors) {
        if (!LANGUAGES.contains(String.valueOf(language))) {
            errors.reject("notifications.text.language");
        }
        check(kind, subject, body, errors);
        if (errors.hasErrors()) {
            return;
        }
        MailText text = own(networkId, kind.template(), language)
                .orElseGet(() -> new MailText(networkId, kind.template(), language));
        text.reword(subject.strip(), body.strip(), by, clock.instant());
        repository.save(text);
        forget(networkId, kind.template(), language);
    }

    /** Back to the built-in text. */
    @Transactional
    void reset(String networkId, EditableMail kind, String language) {
        own(networkId, kind.template(), language).ifPresent(repository::delete);
        forget(networkId, kind.template(), language);
    }

    /** Each placeholder's value in this mail, formatted for its language; a missing value is empty. */
    static Map<String, String> values(EditableMail kind, Map<String, Object> model, Locale locale) {
        Map<String, String> values = new LinkedHashMap<>();
        kind.placeholders().forEach((name, read) -> values.put(name, format(read.apply(model), locale)));
        return values;
    }

    private static String format(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(2);
            return format.format(number);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> format(v, locale)).collect(Collectors.joining(", "));
        }
        return value.toString();
    }

    /** The text with each known placeholder replaced by its value; anything else in braces stays as written. */
    static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A mail's text turned back into a text to edit: each placeholder's value (of three letters or more, the
     * longest first) replaced by the placeholder, so the built-in wording is a starting point.
     */
    static String unfill(String text, Map<String, String> values) {
        List<Map.Entry<String, String>> byLength = new ArrayList<>(values.entrySet());
        byLength.removeIf(e -> e.getValue().strip().length() < 3);
        byLength.sort((a, b) -> b.getValue().length() - a.getValue().length());
        String result = text;
        for (Map.Entry<String, String> e : byLength) {
            result = result.replace(e.getValue().strip(), "{" + e.getKey() + "}");
        }
        return result;
    }

    private static List<String> placeholders(String text) {
        List<String> names = new ArrayList<>();
        if (text != null) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
