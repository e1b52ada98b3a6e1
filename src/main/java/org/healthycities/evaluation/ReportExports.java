package org.healthycities.evaluation;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
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
    private static final java.util.Comparator<String> BY_GOAL_NUMBER = java.util.Comparator.comparingInt(
            code -> code.replaceAll("\\D", "").isEmpty() ? 0 : Integer.parseInt(code.replaceAll("\\D", "")));


    private final ITemplateEngine templates;
    private final MessageSource messages;

    ReportExports(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    void xlsx(EvaluationRound round, List<MemberEvaluation> evaluations, Locale locale, OutputStream out) throws IOException {
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
            for (MemberEvaluation e : evaluations) {
                Map<Long, String> goalTitles = e.getGoals().stream()
                        .collect(Collectors.toMap(GoalAnswer::getGoalId, q -> q.getGoalPosition() + ". " + q.getGoalTitle()));
                row(answers, a++, e.getMemberName(), text("evaluation.status." + e.getStatus(), locale),
                        e.getDeadline().toString(),
                        tags(e, "SDG"), tags(e, "SIX_P"),
                        e.getThemeGroups().stream().map(MemberEvaluation.ThemeGroupRef::getName).collect(Collectors.joining(", ")),
                        e.getInequalityText(), e.getWishesText(), e.isLate() ? "x" : "");
                for (GoalAnswer q : e.getGoals()) {
                    row(goals, g++, e.getMemberName(), q.getGoalPosition() + ". " + q.getGoalTitle(),
                            q.getProgress() == null ? "" : text("evaluation.progress." + q.getProgress(), locale), q.getWhatDone());
                }
                for (Activity t : e.getActivities()) {
                    row(activities, x++, e.getMemberName(), t.getTitle(),
                            t.getGoalId() == null ? "" : goalTitles.getOrDefault(t.getGoalId(), ""),
                            text("evaluation.activityStatus." + t.getStatus(), locale), t.getPartners(),
                            t.getSdgs().stream().sorted(BY_GOAL_NUMBER).collect(Collectors.joining(", ")));
                }
            }
            book.write(out);
            book.dispose();
        }
    }

    private static String tags(MemberEvaluation e, String set) {
        return e.getTags().stream().filter(t -> t.getTagSet().equals(set)).map(MemberEvaluation.TagRef::getCode)
                .sorted(BY_GOAL_NUMBER.thenComparing(java.util.Comparator.naturalOrder())).collect(Collectors.joining(", "));
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
