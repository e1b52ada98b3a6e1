package org.healthycities.exports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.healthycities.exports.ExportTable;

/**
 * XLSX written by POI's streaming SXSSF (a window of rows in memory, the rest in a compressed temp file).
 * Text is always a text cell, never a formula; text that looks like one is also quote-prefixed, as Excel does
 * for a leading apostrophe.
 */
public final class XlsxExportTable implements ExportTable {

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final SXSSFSheet sheet;
    private final CellStyle date;
    private final CellStyle time;
    private final CellStyle quoted;
    private final CellStyle bold;
    private final ZoneId zone;
    private int rows;

    public XlsxExportTable(OutputStream out, String sheetName, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        var format = workbook.getCreationHelper().createDataFormat();
        date = workbook.createCellStyle();
        date.setDataFormat(format.getFormat("yyyy-mm-dd"));
        time = workbook.createCellStyle();
        time.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    @Override
    public void header(List<String> labels) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < labels.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> cells) {
        Row row = sheet.createRow(rows++);
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof BigDecimal n) {
                cell.setCellValue(n.doubleValue());
            } else if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else if (value instanceof Instant t) {
                cell.setCellValue(LocalDateTime.ofInstant(t, zone));
                cell.setCellStyle(time);
            } else {
                String text = value.toString();
                cell.setCellValue(text);
                if (ExportTable.looksLikeFormula(text)) {
                    cell.setCellStyle(quoted);
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
