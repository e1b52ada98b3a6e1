package org.healthycities.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.healthycities.exports.internal.CsvExportTable;
import org.healthycities.exports.internal.XlsxExportTable;

/**
 * Where an export's rows go (a CSV or an XLSX file): cells are String, BigDecimal, LocalDate or Instant; an instant
 * is written in the zone given, the network's.
 */
public interface ExportTable {

    /** CSV as Excel in Denmark, Sweden and Norway opens it (UTF-8 with BOM, ";", the locale's decimal mark). */
    static ExportTable csv(OutputStream out, Locale locale, ZoneId zone) throws IOException {
        return new CsvExportTable(out, locale, zone);
    }

    /** XLSX, streamed. */
    static ExportTable xlsx(OutputStream out, String sheetName, ZoneId zone) {
        return new XlsxExportTable(out, sheetName, zone);
    }

    void header(List<String> labels) throws IOException;

    void row(List<Object> cells) throws IOException;

    void finish() throws IOException;

    /** A text a spreadsheet would run as a formula (=, +, -, @, or a tab/CR that hides one). */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
