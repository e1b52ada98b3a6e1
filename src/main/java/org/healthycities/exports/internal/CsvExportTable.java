package org.healthycities.exports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.healthycities.exports.ExportTable;

/**
 * CSV as Excel in Denmark, Sweden and Norway opens it: UTF-8 with a byte-order mark, ";" between cells,
 * the locale's decimal separator, RFC 4180 quoting, and a leading apostrophe before anything that would be a formula.
 */
public final class CsvExportTable implements ExportTable {

    static final char DELIMITER = ';';

    private final Writer out;
    private final char decimal;
    private final DateTimeFormatter time;

    public CsvExportTable(OutputStream stream, Locale locale, ZoneId zone) throws IOException {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        out.write('\uFEFF');
    }

    @Override
    public void header(List<String> labels) throws IOException {
        row(List.copyOf(labels));
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(DELIMITER);
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal n) {
            return n.toPlainString().replace('.', decimal);
        }
        if (value instanceof Instant t) {
            return time.format(t);
        }
        String text = value.toString();
        if (value instanceof String && ExportTable.looksLikeFormula(text)) {
            text = "'" + text;
        }
        if (text.indexOf(DELIMITER) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }
}
