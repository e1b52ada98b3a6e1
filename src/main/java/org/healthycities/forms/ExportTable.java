package org.healthycities.forms;

import java.io.IOException;
import java.util.List;

/** Where an export's rows go (a CSV or an XLSX file): cells are String, BigDecimal, LocalDate or Instant. */
interface ExportTable {

    void header(List<String> labels) throws IOException;

    void row(List<Object> cells) throws IOException;

    void finish() throws IOException;

    /** A text a spreadsheet would run as a formula (=, +, -, @, or a tab/CR that hides one). */
    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
