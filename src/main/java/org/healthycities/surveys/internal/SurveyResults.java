package org.healthycities.surveys.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthycities.exports.ExportTable;
import org.healthycities.forms.DocumentRef;
import org.healthycities.forms.FieldKind;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormComponent;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormView;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.network.MemberFacts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results of a survey, from its submitted answers (one query) and the form version it was sent with: per
 * question the counts and shares of each option, the mean and spread of numbers, the texts (with the member's name
 * unless the survey is anonymous), the first and last date; the response rate; year over year against the other
 * surveys of the same designed form; and every answer as a table for CSV or XLSX. A member survey can be narrowed to
 * the members of a region or a population band (an anonymous one cannot: a few members could be told apart). Labels
 * and options are in the reader's language, as the form renders them.
 */
@Service
@Transactional(readOnly = true)
public class SurveyResults {

    /** Above this many whole-number values (max − min), numbers are grouped in {@value #BINS} equal bins. */
    static final int MAX_SCALE_STEPS = 10;
    static final int BINS = 5;

    /** The population bands the results of a member survey can be narrowed to. */
    public enum PopulationBand {
        UNDER_20000(0, 20_000), FROM_20000(20_000, 50_000), FROM_50000(50_000, 100_000), FROM_100000(100_000, Integer.MAX_VALUE);

        private final int from;
        private final int below;

        PopulationBand(int from, int below) {
            this.from = from;
            this.below = below;
        }

        public boolean contains(Integer population) {
            return population != null && population >= from && population < below;
        }

        /** The band a query parameter names, or null for none (or an unknown one). */
        public static PopulationBand of(String name) {
            for (PopulationBand b : values()) {
                if (b.name().equals(name)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** Which members' answers count: a region (by name) and/or a population band; both null is everyone. */
    public record Filter(String region, PopulationBand band) {

        public static final Filter NONE = new Filter(null, null);

        public Filter {
            region = region == null || region.isBlank() ? null : region.strip();
        }

        public boolean isEmpty() {
            return region == null && band == null;
        }

        boolean takes(MemberFacts member) {
            if (isEmpty()) {
                return true;
            }
            return member != null && (region == null || region.equals(member.region()))
                    && (band == null || band.contains(member.population()));
        }
    }

    /** Members who answered of those asked (a member survey), or the number of answers (an open one: asked is null). */
    public record Rate(long answered, Long asked) {
        public Integer percent() {
            return asked == null || asked == 0 ? null : (int) Math.round(100.0 * answered / asked);
        }
    }

    /** One question's figures; {@link #type()} tells the page which. */
    public sealed interface Question permits Choices, Numbers, Texts, Dates {
        String key();

        String label();

        /** How many of the counted submissions answered it. */
        long answered();

        String type();
    }

    /** One option: how many chose it, and their share of those who answered the question (in percent). */
    public record Option(String value, String label, long count, BigDecimal percent) {
    }

    /** A radio, select, checklist, taglist or checkbox: options in form order. */
    public record Choices(String key, String label, long answered, boolean multiple, List<Option> options)
            implements Question {
        public String type() {
            return "choice";
        }
    }

    /** One bar of a distribution: a value (a scale's step) or a range of values. */
    public record Bar(String label, long count) {
    }

    public record Numbers(String key, String label, long answered, BigDecimal mean, BigDecimal min, BigDecimal max,
                          List<Bar> distribution) implements Question {
        public String type() {
            return "number";
        }
    }

    /** A text answer, with the member's name (null in an anonymous survey). */
    public record TextAnswer(String memberName, String text) {
    }

    public record Texts(String key, String label, long answered, List<TextAnswer> answers) implements Question {
        public String type() {
            return "text";
        }
    }

    public record Dates(String key, String label, long answered, LocalDate earliest, LocalDate latest)
            implements Question {
        public String type() {
            return "date";
        }
    }

    /** One survey of the designed form, a column of the year-over-year tables. */
    public record Column(long surveyId, String title, LocalDate opensOn, long answered, boolean current) {
    }

    /** An option's share (percent) in each survey, null where that survey did not offer it. */
    public record OptionTrend(String label, List<BigDecimal> percents) {
    }

    public record ChoiceTrend(String key, String label, List<OptionTrend> options) {
    }

    /** A number question's mean in each survey, null where it was not asked or not answered. */
    public record NumberTrend(String key, String label, List<BigDecimal> means) {
    }

    /** The surveys of the same designed form, oldest first, and the questions they share with this one. */
    public record Trend(List<Column> surveys, List<ChoiceTrend> choices, List<NumberTrend> numbers) {
        /** Only worth showing when there is more than this survey. */
        public boolean shown() {
            return surveys.size() > 1 && !(choices.isEmpty() && numbers.isEmpty());
        }
    }

    public record Results(Survey survey, Filter filter, boolean anonymous, Rate rate, List<Question> questions,
                          List<String> regions, Trend trend) {
    }

    private final SurveyRepository surveys;
    private final SurveyService service;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final FormViews views;
    private final MessageSource messages;

    SurveyResults(SurveyRepository surveys, SurveyService service, Submissions submissions, FormCatalog catalog,
                  FormViews views, MessageSource messages) {
        this.surveys = surveys;
        this.service = service;
        this.submissions = submissions;
        this.catalog = catalog;
        this.views = views;
        this.messages = messages;
    }

    /** The results of a survey, narrowed by the filter when it is sent to members (an open one has no members). */
    public Results results(Survey survey, Filter filter, Locale locale) {
        Answers a = answers(survey, filter);
        Labels labels = new Labels(a.form, locale);
        List<Question> questions = new ArrayList<>();
        for (FormComponent f : questions(a.form)) {
            Question q = question(f, labels, a);
            if (q != null) {
                questions.add(q);
            }
        }
        Rate rate = survey.isAnonymous() ? new Rate(a.rows.size(), null) : new Rate(a.rows.size(), (long) a.asked);
        Collator order = Collator.getInstance(locale);
        return new Results(survey, a.filter, a.anonymous, rate, questions,
                a.regions.stream().sorted(order).toList(), trend(survey, a, labels, questions));
    }

    /**
     * Every counted answer as a table: member (blank when anonymous), region, time handed in (in the zone the table
     * was made with), then one column per answerable field with its label; multi-choices joined with ", ".
     * Returns the number of rows.
     */
    public long export(Survey survey, Filter filter, Locale locale, ExportTable table) throws IOException {
        Answers a = answers(survey, filter);
        Labels labels = new Labels(a.form, locale);
        List<FormComponent> columns = questions(a.form, true);
        List<String> header = new ArrayList<>(List.of(text("survey.results.export.member", locale),
                text("survey.results.export.region", locale), text("survey.results.export.submitted", locale)));
        columns.forEach(c -> header.add(labels.label(c)));
        table.header(header);
        Map<Long, Instant> submitted = submissions.findFor(SurveyService.subject(survey)).stream()
                .filter(s -> s.submittedAt() != null)
                .collect(Collectors.toMap(Submission::id, Submission::submittedAt, (x, y) -> x));
        for (Row row : a.rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(a.anonymous ? null : row.memberName);
            cells.add(a.anonymous ? null : row.region);
            cells.add(submitted.get(row.submissionId));
            for (FormComponent c : columns) {
                cells.add(labels.cell(c, row.answers.get(c.key())));
            }
            table.row(cells);
        }
        table.finish();
        return a.rows.size();
    }

    // ---- reading the answers -------------------------------------------------------------------------------

    /** One counted submission: its answers and, in a member survey, whose they are. */
    private record Row(long submissionId, String memberName, String region, Map<String, Object> answers) {
    }

    /**
     * A survey's counted answers (in member name order, or as handed in when open), how many members the filter
     * takes, and the regions of all the members asked (for the filter).
     */
    private record Answers(FormDefinition form, Filter filter, boolean anonymous, List<Row> rows, int asked,
                           List<String> regions) {
    }

    private Answers answers(Survey survey, Filter requested) {
        FormDefinition form = catalog.version(survey.getFormId(), survey.getVersionHash());
        Map<Long, Map<String, Object>> submitted = submissions.submittedAnswers(SurveyService.subject(survey), form);
        boolean anonymous = survey.isAnonymous() || form.anonymous();
        if (survey.isAnonymous()) {
            List<Row> rows = submitted.entrySet().stream()
                    .map(e -> new Row(e.getKey(), null, null, e.getValue())).toList();
            return new Answers(form, Filter.NONE, true, rows, 0, List.of());
        }
        // an anonymous form's answers are never narrowed to a few members, who could then be told apart
        Filter filter = requested == null || anonymous ? Filter.NONE : requested;
        Map<Long, MemberFacts> members = service.members(survey.getNetworkId()).stream()
                .collect(Collectors.toMap(MemberFacts::id, Function.identity(), (x, y) -> x));
        List<Row> rows = new ArrayList<>();
        Set<String> regions = new HashSet<>();
        int asked = 0;
        for (SurveyRecipient r : service.recipients(survey)) {
            MemberFacts m = members.get(r.getMemberId());
            if (m != null && m.region() != null && !anonymous) {
                regions.add(m.region());
            }
            if (!filter.takes(m)) {
                continue;
            }
            asked++;
            Map<String, Object> answers = r.getSubmissionId() == null ? null : submitted.get(r.getSubmissionId());
            if (answers != null) {
                rows.add(new Row(r.getSubmissionId(), r.getMemberName(), m == null ? null : m.region(), answers));
            }
        }
        return new Answers(form, filter, anonymous, rows, asked, List.copyOf(regions));
    }

    /** The fields with results on the page, in form order (uploads only in the exports). */
    private static List<FormComponent> questions(FormDefinition form) {
        return questions(form, false);
    }

    private static List<FormComponent> questions(FormDefinition form, boolean withUploads) {
        return form.fields().stream().filter(FormComponent::isAnswerable)
                .filter(f -> withUploads || f.kind() != FieldKind.UPLOAD).toList();
    }

    // ---- one question --------------------------------------------------------------------------------------

    private Question question(FormComponent f, Labels labels, Answers a) {
        List<Object> values = a.rows.stream().map(r -> r.answers.get(f.key())).filter(Objects::nonNull).toList();
        String label = labels.label(f);
        return switch (f.kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE, BOOLEAN -> choices(f, label, labels, values);
            case NUMBER -> numbers(f, label, values, labels.locale);
            case DATE -> {
                List<LocalDate> days = values.stream().filter(LocalDate.class::isInstance).map(LocalDate.class::cast)
                        .sorted().toList();
                yield new Dates(f.key(), label, days.size(), days.isEmpty() ? null : days.get(0),
                        days.isEmpty() ? null : days.get(days.size() - 1));
            }
            case TEXT -> {
                List<TextAnswer> texts = a.rows.stream()
                        .filter(r -> r.answers.get(f.key()) != null && !r.answers.get(f.key()).toString().isBlank())
                        .map(r -> new TextAnswer(a.anonymous ? null : r.memberName, r.answers.get(f.key()).toString()))
                        .toList();
                yield new Texts(f.key(), label, texts.size(), texts);
            }
            default -> null;
        };
    }

    private Choices choices(FormComponent f, String label, Labels labels, List<Object> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.optionValues(f).forEach(v -> counts.put(v, 0L));
        for (Object v : values) {
            for (String chosen : chosen(v)) {
                counts.merge(chosen, 1L, Long::sum); // a value the form no longer offers still counts, after the rest
            }
        }
        long answered = values.stream().filter(v -> !chosen(v).isEmpty()).count();
        List<Option> options = counts.entrySet().stream().map(e -> new Option(e.getKey(),
                labels.option(f, e.getKey()), e.getValue(), percent(e.getValue(), answered))).toList();
        return new Choices(f.key(), label, answered, f.kind() == FieldKind.MULTI_CHOICE, options);
    }

    /** The option values one answer chose: a multi-choice's list, a single value, or a checkbox's true/false. */
    private static List<String> chosen(Object answer) {
        if (answer instanceof List<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return answer == null || answer.toString().isBlank() ? List.of() : List.of(answer.toString());
    }

    static BigDecimal percent(long count, long of) {
        return of == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
    }

    private static Numbers numbers(FormComponent f, String label, List<Object> answers, Locale locale) {
        List<BigDecimal> values = answers.stream().filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast)
                .sorted().toList();
        if (values.isEmpty()) {
            return new Numbers(f.key(), label, 0, null, null, null, List.of());
        }
        BigDecimal min = values.get(0);
        BigDecimal max = values.get(values.size() - 1);
        return new Numbers(f.key(), label, values.size(), mean(values), plain(min), plain(max),
                distribution(values, min, max, locale));
    }

    static BigDecimal mean(Collection<BigDecimal> values) {
        return values.isEmpty() ? null : values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    /**
     * A scale (whole numbers at most {@value #MAX_SCALE_STEPS} apart): one bar per step, the unchosen ones too;
     * otherwise {@value #BINS} equal ranges from the smallest to the largest value.
     */
    static List<Bar> distribution(List<BigDecimal> values, BigDecimal min, BigDecimal max, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        boolean whole = values.stream().allMatch(v -> v.stripTrailingZeros().scale() <= 0);
        if (whole && max.subtract(min).compareTo(BigDecimal.valueOf(MAX_SCALE_STEPS)) <= 0) {
            Map<Long, Long> counts = values.stream().collect(Collectors.groupingBy(BigDecimal::longValue, Collectors.counting()));
            List<Bar> bars = new ArrayList<>();
            for (long step = min.longValue(); step <= max.longValue(); step++) {
                bars.add(new Bar(format.format(step), counts.getOrDefault(step, 0L)));
            }
            return bars;
        }
        if (min.compareTo(max) == 0) {
            return List.of(new Bar(format.format(min), values.size())); // every value the same: one bar
        }
        BigDecimal width = max.subtract(min).divide(BigDecimal.valueOf(BINS), 10, RoundingMode.HALF_UP);
        long[] counts = new long[BINS];
        for (BigDecimal v : values) {
            counts[Math.min(BINS - 1, v.subtract(min).divide(width, 0, RoundingMode.FLOOR).intValue())]++;
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            BigDecimal from = min.add(width.multiply(BigDecimal.valueOf(i)));
            BigDecimal to = i == BINS - 1 ? max : min.add(width.multiply(BigDecimal.valueOf(i + 1)));
            bars.add(new Bar(format.format(from) + "–" + format.format(to), counts[i]));
        }
        return bars;
    }

    private static BigDecimal plain(BigDecimal n) {
        BigDecimal stripped = n.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- year over year ------------------------------------------------------------------------------------

    /**
     * The surveys of the same designed form (in the same network), oldest first, under the same filter: per choice
     * question of this survey the share of each option, per number question the mean, matched by field key.
     */
    private Trend trend(Survey survey, Answers current, Labels labels, List<Question> questions) {
        List<Survey> all = surveys.findByDesignedFormIdOrderByOpensOnAscIdAsc(survey.getDesignedFormId()).stream()
                .filter(s -> s.getNetworkId().equals(survey.getNetworkId())).toList();
        if (all.size() < 2) {
            return new Trend(List.of(), List.of(), List.of());
        }
        List<Column> columns = new ArrayList<>();
        List<Map<String, Question>> byKey = new ArrayList<>();
        for (Survey s : all) {
            Map<String, Question> figures;
            long answered;
            if (s.getId().equals(survey.getId())) {
                figures = questions.stream().collect(Collectors.toMap(Question::key, Function.identity()));
                answered = current.rows.size();
            } else {
                Answers a = answers(s, current.filter);
                Labels theirs = new Labels(a.form, labels.locale);
                figures = new HashMap<>();
                for (FormComponent f : questions(a.form)) {
                    Question q = question(f, theirs, a);
                    if (q != null) {
                        figures.put(f.key(), q);
                    }
                }
                answered = a.rows.size();
            }
            columns.add(new Column(s.getId(), s.getTitle(), s.getOpensOn(), answered, s.getId().equals(survey.getId())));
            byKey.add(figures);
        }
        List<ChoiceTrend> choices = new ArrayList<>();
        List<NumberTrend> numbers = new ArrayList<>();
        for (Question q : questions) {
            if (q instanceof Choices c) {
                choices.add(choiceTrend(c, byKey));
            } else if (q instanceof Numbers n) {
                numbers.add(new NumberTrend(n.key(), n.label(), byKey.stream().map(m -> m.get(n.key()))
                        .map(other -> other instanceof Numbers o ? o.mean() : null).toList()));
            }
        }
        return new Trend(columns, choices, numbers);
    }

    /** This survey's options (labels as now) first, then those only earlier surveys offered. */
    private static ChoiceTrend choiceTrend(Choices current, List<Map<String, Question>> byKey) {
        Map<String, String> options = new LinkedHashMap<>();
        current.options().forEach(o -> options.put(o.value(), o.label()));
        for (Map<String, Question> m : byKey) {
            if (m.get(current.key()) instanceof Choices other) {
                other.options().forEach(o -> options.putIfAbsent(o.value(), o.label()));
            }
        }
        List<OptionTrend> rows = new ArrayList<>();
        options.forEach((value, label) -> rows.add(new OptionTrend(label, byKey.stream().map(m -> m.get(current.key()))
                .map(q -> q instanceof Choices c ? c.options().stream().filter(o -> o.value().equals(value))
                        .map(Option::percent).findFirst().orElse(null) : null)
                .toList())));
        return new ChoiceTrend(current.key(), current.label(), rows);
    }

    // ---- texts in the reader's language --------------------------------------------------------------------

    /** A form version's labels and option labels as the form renders them in this language. */
    private final class Labels {
        private final Locale locale;
        private final Map<String, FormView.FieldView> fields = new HashMap<>();

        Labels(FormDefinition form, Locale locale) {
            this.locale = locale;
            collect(views.blank(form, locale).fields());
        }

        private void collect(List<FormView.FieldView> views) {
            for (FormView.FieldView v : views) {
                if (v.key() != null) {
                    fields.put(v.key(), v);
                }
                collect(v.children());
            }
        }

        String label(FormComponent f) {
            FormView.FieldView v = fields.get(f.key());
            return v == null || v.label() == null || v.label().isBlank() ? f.key() : v.label();
        }

        /** The values a question offers, in form order: a checkbox's yes, then no. */
        List<String> optionValues(FormComponent f) {
            if (f.kind() == FieldKind.BOOLEAN) {
                return List.of("true", "false");
            }
            return f.options().stream().map(o -> o.value()).toList();
        }

        String option(FormComponent f, String value) {
            if (f.kind() == FieldKind.BOOLEAN) {
                return text("true".equals(value) ? "form.yes" : "form.no", locale);
            }
            FormView.FieldView v = fields.get(f.key());
            return v == null ? value : v.choices().stream().filter(c -> c.value().equals(value))
                    .map(FormView.Choice::label).findFirst().orElse(value);
        }

        /** An answer as an export cell: option labels joined, yes/no, numbers and dates typed, a file's name. */
        Object cell(FormComponent f, Object answer) {
            if (answer == null) {
                return null;
            }
            return switch (f.kind()) {
                case SINGLE_CHOICE, MULTI_CHOICE, BOOLEAN ->
                        chosen(answer).stream().map(v -> option(f, v)).collect(Collectors.joining(", "));
                case NUMBER, DATE -> answer instanceof BigDecimal || answer instanceof LocalDate ? answer : answer.toString();
                default -> answer instanceof DocumentRef d ? d.filename() : answer.toString();
            };
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
