package org.healthycities.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.healthycities.forms.internal.Feel;
import org.healthycities.forms.internal.FormValidator;
import org.healthycities.forms.internal.Visibility;
import org.healthycities.web.Dates;
import org.healthycities.web.ErrorSummary;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Makes the {@link FormView} a page renders with {@code forms/render :: fields(${formView})} (inputs) or
 * {@code forms/render :: answers(${formView})} (read-only answers): empty with the form's defaults, from a
 * stored submission, or again after a refused save with what the person typed.
 */
@Service
public class FormViews {

    private final Submissions submissions;
    private final FormTranslations translations;
    private final MessageSource messages;

    FormViews(Submissions submissions, FormTranslations translations, MessageSource messages) {
        this.submissions = submissions;
        this.translations = translations;
        this.messages = messages;
    }

    /** A new form, with the defaults of the file. */
    public FormView blank(FormDefinition form, Locale locale) {
        return filled(form, Map.of(), locale);
    }

    /** A new form showing these values (as typed, by field key) over the file's defaults, e.g. a task's variables. */
    public FormView filled(FormDefinition form, Map<String, List<String>> values, Locale locale) {
        return filled(form, FormFeed.NONE, values, locale);
    }

    /** A new form with its data (options, read-only values, list items) showing these values as typed. */
    public FormView filled(FormDefinition form, FormFeed feed, Map<String, List<String>> values, Locale locale) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (FormComponent f : form.resolve(feed, values.keySet()).fields()) {
            if (f.defaultValue() != null) {
                raw.put(f.key(), posted(f.defaultValue()));
            }
        }
        raw.putAll(values);
        return build(form, feed, raw, Map.of(), List.of(), null, Set.of(), locale);
    }

    /** A stored submission as it is. */
    public FormView of(Submission submission, Locale locale) {
        return of(submission, FormFeed.NONE, locale);
    }

    /** A stored submission as it is, with the form's data. */
    public FormView of(Submission submission, FormFeed feed, Locale locale) {
        Map<String, Object> answers = submissions.answers(submission.id());
        return build(submissions.form(submission), feed, raw(answers), submissions.documents(submission), List.of(), null,
                Set.of(), locale);
    }

    /** After a save that was not stored: what the person sent, with the reasons or, in a conflict, the stored values. */
    public FormView retry(Submission submission, FormInput input, SaveResult<Submission> result, Locale locale) {
        return retry(submission, input, result, FormFeed.NONE, locale);
    }

    /** After a save with the form's data that was not stored (see {@link #retry(Submission, FormInput, SaveResult, Locale)}). */
    public FormView retry(Submission submission, FormInput input, SaveResult<Submission> result, FormFeed feed,
                          Locale locale) {
        FormDefinition form = submissions.form(submission);
        // the list items as the save saw them (empty added rows dropped), so each refusal sits by its own item
        FormInput saved = Submissions.compact(form, input);
        if (result instanceof SaveResult.Conflict<Submission> conflict) {
            return build(form, feed, saved.values(), documents(conflict.storedAnswers()), List.of(),
                    conflict.storedAnswers(), Set.copyOf(conflict.differingFields()), locale);
        }
        List<FieldError> errors = result instanceof SaveResult.Invalid<Submission> invalid ? invalid.errors()
                : List.of();
        return build(form, feed, saved.values(), submissions.documents(submission), errors, null, Set.of(), locale);
    }

    /** A stored submission shown with what the person typed, e.g. after adding or removing a list item. */
    public FormView typed(Submission submission, FormInput input, FormFeed feed, Locale locale) {
        return build(submissions.form(submission), feed, input.values(), submissions.documents(submission), List.of(),
                null, Set.of(), locale);
    }

    /** A form not yet stored, shown again with what the person sent and why it was refused. */
    public FormView retry(FormDefinition form, FormInput input, List<FieldError> errors, Locale locale) {
        return retry(form, FormFeed.NONE, input, errors, locale);
    }

    /** {@link #retry(FormDefinition, FormInput, List, Locale)} of a form opened with data. */
    public FormView retry(FormDefinition form, FormFeed feed, FormInput input, List<FieldError> errors, Locale locale) {
        return build(form, feed, Submissions.compact(form, input).values(), Map.of(), errors, null, Set.of(), locale);
    }

    /**
     * A field's label as its page shows it for these answers, in this language (a label written as a FEEL
     * expression evaluated), without building the whole form: what the applicant agreed to, kept with the answer.
     */
    public String label(FormDefinition template, FormFeed feed, FormInput input, String key, Locale locale) {
        Map<String, List<String>> given = Submissions.compact(template, input).values();
        FormDefinition form = template.resolve(feed, given.keySet());
        FormComponent field = form.field(key).orElseThrow(() -> new IllegalArgumentException("no field " + key));
        return shownLabel(form, field, shownValues(form, given), Map.of(), locale);
    }

    /** The values a form shows: those given, a read-only field always its data's. */
    private static Map<String, List<String>> shownValues(FormDefinition form, Map<String, List<String>> given) {
        Map<String, List<String>> raw = new LinkedHashMap<>(given);
        for (FormComponent f : form.fields()) {
            if (f.readonly()) {
                raw.put(f.key(), f.defaultValue() == null ? List.of() : posted(f.defaultValue())); // the data's, always
            }
        }
        return raw;
    }

    private String shownLabel(FormDefinition form, FormComponent c, Map<String, List<String>> raw,
                              Map<String, DocumentRef> docs, Locale locale) {
        String label = translations.label(form, c, locale);
        if (!Feel.isExpression(label)) {
            return label;
        }
        Object evaluated = Feel.evaluate(label, FormValidator.lenientValues(form, new FormInput(raw, Map.of()), docs));
        return evaluated == null ? "" : evaluated.toString();
    }

    /** The keys of the fields hidden for these values (for forms.js, which shows and hides as the person types). */
    public Set<String> hiddenFields(FormDefinition form, FormInput input) {
        FormDefinition resolved = form.resolve(FormFeed.NONE, input.values().keySet());
        Set<String> hidden = Visibility.hidden(resolved, FormValidator.lenientValues(resolved, input, Map.of()));
        return resolved.fields().stream().map(FormComponent::key).filter(hidden::contains).collect(Collectors.toSet());
    }

    private FormView build(FormDefinition template, FormFeed feed, Map<String, List<String>> given,
                           Map<String, DocumentRef> docs, List<FieldError> errors, Map<String, Object> stored,
                           Set<String> differing, Locale locale) {
        FormDefinition form = template.resolve(feed, given.keySet());
        Map<String, List<String>> raw = shownValues(form, given);
        Set<String> hidden = Visibility.hidden(form, FormValidator.lenientValues(form, new FormInput(raw, Map.of()), docs));
        Context ctx = new Context(form, feed, raw, docs, errors, stored, differing, hidden, locale);
        List<FormView.FieldView> fields = views(form.components(), ctx, false, Map.of(), false);
        return new FormView(form.id(), form.versionHash(), fields, problems(fields, errors, locale),
                stored != null);
    }

    private record Context(FormDefinition form, FormFeed feed, Map<String, List<String>> raw,
                           Map<String, DocumentRef> docs, List<FieldError> errors, Map<String, Object> stored,
                           Set<String> differing, Set<String> hidden, Locale locale) {
    }

    /** @param item the list item's data and answers by their own keys, for {{name}} in its texts */
    private List<FormView.FieldView> views(List<FormComponent> components, Context ctx, boolean parentHidden,
                                           Map<String, String> item, boolean addRemove) {
        List<FormView.FieldView> views = new ArrayList<>();
        for (FormComponent c : components) {
            // a text meant for Camunda Tasklist only (e.g. "see the task page"): on our own pages it would point here
            if ("spacer".equals(c.type()) || c.kind() == FieldKind.COMPUTED
                    || c.tasklistOnly()) {
                continue;
            }
            boolean hidden = parentHidden || (c.id() != null && ctx.hidden().contains(c.id()))
                    || (c.key() != null && ctx.hidden().contains(c.key()));
            views.add(view(c, ctx, hidden, item, addRemove));
        }
        return views;
    }

    private FormView.FieldView view(FormComponent c, Context ctx, boolean hidden, Map<String, String> item,
                                    boolean inAddRemoveList) {
        if (c.isList() || FormDefinition.LIST_ITEM.equals(c.type())) {
            return list(c, ctx, hidden, inAddRemoveList);
        }
        Locale locale = ctx.locale();
        String base = htmlId(c.key() != null ? c.key() : c.id() != null ? c.id() : "c" + System.identityHashCode(c));
        String id = "f-" + base;
        List<String> values = c.key() == null ? List.of() : ctx.raw().getOrDefault(c.key(), List.of()).stream()
                .filter(v -> v != null && !v.isBlank()).toList();
        String label = shownLabel(ctx.form(), c, ctx.raw(), ctx.docs(), locale);
        String description = translations.description(ctx.form(), c, locale);
        String error = ctx.errors().stream().filter(e -> c.key() != null && c.key().equals(e.field())).findFirst()
                .map(e -> message(e, locale)).orElse(null);
        String stored = c.key() != null && ctx.differing().contains(c.key())
                ? display(ctx.form(), c, raw(Map.of(c.key(), ctx.stored().getOrDefault(c.key(), ""))).getOrDefault(c.key(), List.of()), locale)
                : null;
        List<FormView.Choice> choices = new ArrayList<>();
        for (int i = 0; i < c.options().size(); i++) {
            FormOption o = c.options().get(i);
            choices.add(new FormView.Choice(id + "-" + i, o.value(), translations.option(ctx.form(), c, o.value(), locale),
                    values.contains(o.value())));
        }
        String describedBy = describedBy(description != null ? id + "-description" : null,
                error != null ? id + "-error" : null, stored != null ? id + "-stored" : null);
        DocumentRef doc = c.key() == null ? null : ctx.docs().get(c.key());
        FieldRules rules = c.rules();
        String value = values.isEmpty() ? "" : values.get(0);
        List<List<String>> rows = List.of();
        if ("image".equals(c.type())) {
            value = safeImage(c.extras().source());
            label = c.extras().alt() == null ? "" : c.extras().alt();
        } else if ("table".equals(c.type())) {
            choices = new ArrayList<>(c.extras().columns().stream().map(col -> new FormView.Choice(id + "-" + col.value(),
                    col.value(), col.label(), false)).toList());
            rows = rows(c, ctx.feed());
        }
        String html = "text".equals(c.type()) ? Markdown.toHtml(template(translations.markdown(ctx.form(), c, locale), item))
                : "html".equals(c.type()) && c.extras().content() != null
                ? Jsoup.clean(template(c.extras().content(), item), Safelist.basic()) : null;
        return new FormView.FieldView(viewType(c), c.key(), id, c.key() == null || c.readonly() ? null : FormInput.PREFIX + c.key(),
                label, description, html,
                rules.required(), hidden, value, values, List.copyOf(choices),
                c.isInput() ? display(ctx.form(), c, values, locale) : null, error, stored,
                doc == null ? null : doc.filename(), c.properties().get("accept"), inputType(c),
                plain(rules.min()), plain(rules.max()), rules.minLength(), rules.maxLength(), rules.pattern(), describedBy,
                views(c.components(), ctx, hidden, item, inAddRemoveList), false, rows);
    }

    /** A dynamic list with its items, or one item (a numbered fieldset; its texts read the item's own values). */
    private FormView.FieldView list(FormComponent c, Context ctx, boolean hidden, boolean inAddRemoveList) {
        boolean addRemove = c.isList() ? c.extras().allowAddRemove() : inAddRemoveList;
        String label = translations.label(ctx.form(), c, ctx.locale());
        String value = c.extras().path();
        Map<String, String> item = Map.of();
        if (!c.isList()) {
            int index = Integer.parseInt(c.properties().get("index"));
            label = translations.itemLabel(ctx.form(), c, ctx.locale()) + " " + (index + 1);
            value = c.properties().get("list") + "[" + index + "]";
            String prefix = value + ".";
            Map<String, String> own = new LinkedHashMap<>();
            c.properties().forEach((k, v) -> {
                if (k.startsWith("data.")) {
                    own.put(k.substring(5), v);
                }
            });
            ctx.raw().forEach((k, v) -> {
                if (k.startsWith(prefix) && !v.isEmpty()) {
                    own.put(k.substring(prefix.length()), String.join(", ", v));
                }
            });
            item = own;
        }
        String id = "f-" + htmlId(value == null ? String.valueOf(c.id()) : value);
        return new FormView.FieldView(c.isList() ? "dynamiclist" : "listitem", null, id, null, label, null, null, false,
                hidden, value, List.of(), List.of(), null, null, null, null, null, null, null, null, null, null, null, null,
                views(c.components(), ctx, hidden, item, addRemove), addRemove, List.of());
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /** form-js templating in texts: {{name}} reads the item's (or, outside lists, nothing's) value of that name. */
    private static String template(String text, Map<String, String> item) {
        if (text == null || !text.contains("{{")) {
            return text;
        }
        return TEMPLATE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(item.getOrDefault(m.group(1), "")));
    }

    /** An image only from https or an embedded picture; anything else (javascript:, http:) is not shown. */
    private static String safeImage(String source) {
        if (source == null) {
            return null;
        }
        String s = source.strip();
        return s.startsWith("https://") || s.matches("(?i)data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+") ? s : null;
    }

    /** A table's rows from the data (a name, or FEEL over the data), each cell by its column's key. */
    private static List<List<String>> rows(FormComponent c, FormFeed feed) {
        String source = c.extras().dataSource();
        if (source == null) {
            return List.of();
        }
        Object data = Feel.isExpression(source) ? Feel.evaluate(source, feed.data()) : feed.data().get(source);
        List<List<String>> rows = new ArrayList<>();
        if (data instanceof Collection<?> many) {
            for (Object row : many) {
                if (row instanceof Map<?, ?> cells) {
                    rows.add(c.extras().columns().stream().map(col -> cells.get(col.value()) == null ? ""
                            : String.valueOf(cells.get(col.value()))).toList());
                }
            }
        }
        return List.copyOf(rows);
    }

    /** The template's name for a component: "upload" for either form of file field, else form-js's type. */
    private static String viewType(FormComponent c) {
        return c.isUpload() ? "upload" : c.readonly() && c.key() != null ? "readonly" : c.type();
    }

    private static String inputType(FormComponent c) {
        if ("datetime".equals(c.type())) {
            return "time".equals(c.subtype()) ? "time" : "datetime".equals(c.subtype()) ? "datetime-local" : "date";
        }
        if ("textfield".equals(c.type()) && "email".equals(c.rules().validationType())) {
            return "email";
        }
        if ("textfield".equals(c.type()) && "phone".equals(c.rules().validationType())) {
            return "tel";
        }
        return "number".equals(c.type()) ? "number" : "text";
    }

    /** An answer as a person reads it: option labels (not keys), yes/no, multi-choices joined. */
    String display(FormDefinition form, FormComponent c, List<String> values, Locale locale) {
        if (c.kind() == FieldKind.BOOLEAN) {
            boolean yes = values.stream().anyMatch(v -> "true".equals(v) || "on".equals(v));
            return messages.getMessage(yes ? "form.yes" : "form.no", null, locale);
        }
        if (c.kind() == FieldKind.SINGLE_CHOICE || c.kind() == FieldKind.MULTI_CHOICE) {
            return values.stream().map(v -> translations.option(form, c, v, locale)).collect(Collectors.joining(", "));
        }
        if ("datetime".equals(c.type()) && !"time".equals(c.subtype())) {
            // a date (or date and time) as the reader's language writes it, not as the browser sent it
            return values.stream().map(v -> readableDate(v, locale)).collect(Collectors.joining(", "));
        }
        return String.join(", ", values);
    }

    private static String readableDate(String value, Locale locale) {
        try {
            return value.length() > 10
                    ? Dates.moment(LocalDateTime.parse(value).toInstant(
                            ZoneOffset.UTC), ZoneOffset.UTC, locale) // a wall-clock time as typed
                    : Dates.date(LocalDate.parse(value), locale);
        } catch (DateTimeParseException notADate) {
            return value;
        }
    }

    /**
     * The summary's lines in the order of the form's fields (not of the checks), each "label: reason" linked to
     * its field; a field inside a group is named with the group when the form asks the same words twice.
     */
    private List<FormView.Problem> problems(List<FormView.FieldView> fields, List<FieldError> errors, Locale locale) {
        Map<String, FormView.FieldView> byKey = new LinkedHashMap<>();
        Map<String, List<String>> where = new LinkedHashMap<>();
        flatten(fields, List.of(), byKey, where);
        // a label the form asks more than once (each contact's "E-mail") is always named with its part
        Map<String, Long> asked = where.values().stream().map(path -> path.get(path.size() - 1))
                .collect(Collectors.groupingBy(label -> String.valueOf(label), Collectors.counting()));
        where.replaceAll((key, path) -> path.size() > 1 && path.get(path.size() - 1) != null
                && asked.get(path.get(path.size() - 1)) > 1 ? List.of(String.join(", ", path)) : path);
        ErrorSummary.Builder summary = ErrorSummary.inOrder(byKey.values().stream().map(FormView.FieldView::focusId).toList());
        for (FieldError e : errors) {
            FormView.FieldView f = e.field() == null ? null : byKey.get(e.field());
            if (f == null) {
                summary.add(null, (String) null, message(e, locale));
            } else {
                summary.add(f.focusId(), where.get(f.key()), message(e, locale));
            }
        }
        return summary.build().items().stream()
                .map(i -> new FormView.Problem(i.target() == null ? null : "#" + i.target(), i.text())).toList();
    }

    private static void flatten(Collection<FormView.FieldView> fields, List<String> groups,
                                Map<String, FormView.FieldView> into, Map<String, List<String>> where) {
        for (FormView.FieldView f : fields) {
            if (f.key() != null) {
                into.put(f.key(), f);
                List<String> path = new ArrayList<>(groups);
                path.add(f.label());
                where.put(f.key(), path);
            }
            List<String> inner = groups;
            if ("group".equals(f.type()) && f.label() != null && !f.label().isBlank()) {
                inner = new ArrayList<>(groups);
                inner.add(f.label());
            } else if ("listitem".equals(f.type())) {
                // a list item's field is always named with its item ("Aktivitet 2, Titel"): each item asks the same
                List<String> items = new ArrayList<>(groups);
                items.add(f.label());
                Map<String, List<String>> own = new LinkedHashMap<>();
                flatten(f.children(), items, into, own);
                own.forEach((key, path) -> {
                    List<String> named = new ArrayList<>(groups);
                    named.add(String.join(", ", path.subList(groups.size(), path.size())));
                    where.put(key, named);
                });
                continue;
            }
            flatten(f.children(), inner, into, where);
        }
    }

    /** The reason in the person's language; a key no bundle has (yet) reads as a general upload refusal, never as a key. */
    private String message(FieldError e, Locale locale) {
        String text = messages.getMessage(e.messageKey(), e.args().toArray(), null, locale);
        return text != null ? text : messages.getMessage("form.error.upload", null, "", locale);
    }

    /** Stored answers as the posted strings the inputs show. */
    static Map<String, List<String>> raw(Map<String, Object> answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        answers.forEach((k, v) -> raw.put(k, posted(v)));
        return raw;
    }

    public static List<String> posted(Object v) {
        if (v instanceof List<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        if (v instanceof BigDecimal n) {
            return List.of(SubmissionStore.plain(n).toPlainString());
        }
        if (v instanceof Boolean b) {
            return b ? List.of("true") : List.of();
        }
        if (v instanceof DocumentRef || v == null) {
            return List.of();
        }
        return List.of(v.toString());
    }

    private static Map<String, DocumentRef> documents(Map<String, Object> answers) {
        Map<String, DocumentRef> docs = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (v instanceof DocumentRef d) {
                docs.put(k, d);
            }
        });
        return docs;
    }

    private static String describedBy(String... ids) {
        String joined = Arrays.stream(ids).filter(Objects::nonNull).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.toPlainString();
    }

    public static String htmlId(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
