package org.healthycities.workshop.internal;

import org.healthycities.web.Dates;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.healthycities.workshop.internal.ConsolidationService.Board;
import org.healthycities.workshop.internal.SessionView.AssignmentView;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The summary of a session as a printable HTML document, a PDF rendered from that same HTML
 * (openhtmltopdf), and an XLSX of all answers (Apache POI).
 */
@Component
class SummaryDocuments {

    /** A font with more than Latin-1, used when the machine has it; the PDF's built-in fonts cover Danish. */
    private static final File SANS = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private final SpringTemplateEngine templates;
    private final MessageSource messages;
    private final Dates dates;

    SummaryDocuments(SpringTemplateEngine templates, MessageSource messages, Dates dates) {
        this.templates = templates;
        this.messages = messages;
        this.dates = dates;
    }

    /** The whole summary as one standalone HTML document (also the body of the summary mail). */
    String html(Board board, Locale locale, String template) {
        Context context = new Context(locale);
        context.setVariable("board", board);
        context.setVariable("view", board.view());
        context.setVariable("dates", dates.in(locale));
        return templates.process(template, context);
    }

    byte[] pdf(Board board, Locale locale) {
        String html = html(board, locale, "workshop/summary-document");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            if (SANS.canRead()) {
                builder.useFont(SANS, "Body");
            }
            builder.withW3cDocument(W3CDom.convert(Jsoup.parse(html)), "/");
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per group and question, then the syntheses on a second sheet. */
    byte[] xlsx(Board board, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);

            Sheet answers = workbook.createSheet(msg("workshop.xlsx.answers", locale));
            header(answers, bold, locale, "workshop.xlsx.assignment", "workshop.xlsx.question", "workshop.xlsx.group",
                    "workshop.xlsx.status", "workshop.xlsx.answer", "workshop.xlsx.tags");
            int r = 1;
            for (AssignmentView a : board.view().assignments()) {
                for (Question q : a.questions()) {
                    for (WorkshopGroup g : board.view().groups()) {
                        SheetStore.SheetView sheet = board.sheet(g.getId());
                        Answer answer = sheet == null ? null : sheet.answers().get(q.getId());
                        Row row = answers.createRow(r++);
                        row.createCell(0).setCellValue(a.assignment().getTitle());
                        row.createCell(1).setCellValue(label(q, locale));
                        row.createCell(2).setCellValue(g.getName());
                        row.createCell(3).setCellValue(sheet == null ? ""
                                : msg("workshop.sheet.status." + sheet.sheet().getStatus(), locale));
                        row.createCell(4).setCellValue(answer == null || answer.getValue() == null ? "" : answer.getValue());
                        row.getCell(4).setCellStyle(wrap);
                        row.createCell(5).setCellValue(String.join("; ",
                                board.tagLabels(answer == null ? null : answer.getId())));
                    }
                }
            }
            widths(answers, 30, 50, 16, 14, 80, 40);

            Sheet syntheses = workbook.createSheet(msg("workshop.xlsx.syntheses", locale));
            header(syntheses, bold, locale, "workshop.xlsx.assignment", "workshop.xlsx.question", "workshop.xlsx.synthesis");
            r = 1;
            for (AssignmentView a : board.view().assignments()) {
                for (Question q : a.questions()) {
                    Row row = syntheses.createRow(r++);
                    row.createCell(0).setCellValue(a.assignment().getTitle());
                    row.createCell(1).setCellValue(label(q, locale));
                    String text = board.synthesis(q.getId());
                    row.createCell(2).setCellValue(text == null ? "" : text);
                    row.getCell(2).setCellStyle(wrap);
                }
            }
            widths(syntheses, 30, 50, 100);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void header(Sheet sheet, CellStyle bold, Locale locale, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(msg(keys[i], locale));
            row.getCell(i).setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** The question's text; a question removed after the session opened says so. */
    private String label(Question q, Locale locale) {
        return q.isRemoved() ? q.getLabel() + " " + msg("workshop.question.removed", locale) : q.getLabel();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    static String fileName(SessionView view, String extension) {
        String base = (view.workshop().getTitle() + " " + view.session().getTitle())
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "opsamling" : base) + "." + extension;
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }
}
