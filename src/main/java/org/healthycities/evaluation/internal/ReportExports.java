package org.healthycities.evaluation.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.evaluation.Progress;
import org.healthycities.network.Network;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** The round's exports: every answer as XLSX (one sheet per kind of row), the report as PDF. */
@Component
class ReportExports {

    /** SDG3 before SDG10: the world goals by their number, not as text. */
    private static final Comparator<String> BY_GOAL_NUMBER = Comparator.comparingInt(
            code -> code.replaceAll("\\D", "").isEmpty() ? 0 : Integer.parseInt(code.replaceAll("\\D", "")));


    private final ITemplateEngine templates;
    private final MessageSource messages;

    ReportExports(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /** One member's evaluation with its answers. */
    record Answered(MemberEvaluation evaluation, EvaluationAnswers answers) {
    }

    void xlsx(EvaluationRound round, List<Answered> evaluations, Locale locale, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Sheet answers = book.createSheet(text("evaluation.xlsx.answers", locale));
            header(answers, locale, "evaluation.member", "evaluation.round.status", "evaluation.member.deadline",
                    "evaluation.sdgs", "evaluation.sixPs", "evaluation.themeGroups", "evaluation.inequality",
                    "evaluation.wishes", "evaluation.late");
            Sheet goals = book.createSheet(text("evaluation.goals.title", locale));
            header(goals, locale, "evaluation.member", "evaluation.goal", "evaluation.goal.progress.short",
                    "evaluation.goal.whatDone");
            Sheet activities = book.createSheet(text("evaluation.activities.title", locale));
            header(activities, locale, "evaluation.member", "evaluation.activity.title", "evaluation.activity.goal",
                    "evaluation.activity.status", "evaluation.activity.partners", "evaluation.sdgs");
            int a = 1, g = 1, x = 1;
            for (Answered answered : evaluations) {
                MemberEvaluation e = answered.evaluation();
                EvaluationAnswers q = answered.answers();
                Map<Long, String> goalTitles = q.goals().stream().filter(x2 -> x2.goalId() != null)
                        .collect(Collectors.toMap(EvaluationAnswers.Goal::goalId, x2 -> x2.goalPosition() + ". " + x2.goalTitle(), (p1, p2) -> p1));
                row(answers, a++, e.getMemberName(), text("evaluation.status." + e.getStatus(), locale),
                        e.getDeadline().toString(), sorted(q.sdgs()), sorted(q.sixPs()),
                        q.themeGroups().stream().map(EvaluationAnswers.ThemeGroup::name).collect(Collectors.joining(", ")),
                        q.inequalityText(), q.wishesText(), e.isLate() ? "x" : "");
                for (EvaluationAnswers.Goal goal : q.goals()) {
                    row(goals, g++, e.getMemberName(), goal.goalPosition() + ". " + goal.goalTitle(),
                            goal.progress() == null ? "" : text("evaluation.progress." + goal.progress(), locale), goal.whatDone());
                }
                for (EvaluationAnswers.Activity t : q.activities()) {
                    row(activities, x++, e.getMemberName(), t.title(),
                            t.goalId() == null ? "" : goalTitles.getOrDefault(t.goalId(), ""),
                            text("evaluation.activityStatus." + t.status(), locale), t.partners(), sorted(t.sdgs()));
                }
            }
            book.write(out);
            book.dispose();
        }
    }

    private static String sorted(List<String> codes) {
        return codes.stream().sorted(BY_GOAL_NUMBER.thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining(", "));
    }

    private void header(Sheet sheet, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(text(keys[i], locale));
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            // a string cell is never evaluated as a formula, so people's text goes in as it is
            row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The report as PDF, rendered from templates/evaluation/report-pdf.html (bars drawn in CSS, no script). */
    byte[] pdf(ReportService.RoundReport report, Network network, Locale locale) {
        Context ctx = new Context(locale, Map.of("report", report, "network", network,
                "progressValues", Progress.values()));
        String html = templates.process("evaluation/report-pdf", ctx);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
