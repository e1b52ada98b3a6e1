package org.healthycities.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * A table as a secretariat keeps it, read from an uploaded file judged by its content (never its name): CSV
 * (comma, semicolon or tab; UTF-8, UTF-16 with a byte-order mark as Excel's "Unicode text", or Windows-1252 as
 * Excel's older "CSV") or the first sheet of an XLSX workbook. Each line keeps its number in the file.
 */
record Spreadsheet(List<String> header, List<Line> lines) {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_LINES = 20_000;
    private static final Tika TIKA = new Tika();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One line of the table, its cells trimmed; {@code number} counts from 1 with the header. */
    record Line(int number, List<String> cells) {
        String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }

    /** The whole file is refused; the key names why (messages in the user's language). */
    static final class Refused extends Exception {
        final String messageKey;

        Refused(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }
    }

    static Spreadsheet read(byte[] bytes) throws Refused {
        if (bytes.length == 0) {
            throw new Refused("import.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused("import.file.tooLarge");
        }
        String type = MediaType.parse(TIKA.detect(bytes)).getBaseType().toString();
        Spreadsheet sheet;
        if (type.equals(XLSX) || type.equals("application/x-tika-ooxml")) {
            sheet = xlsx(bytes);
        } else {
            String text = text(bytes);
            if (text == null) {
                throw new Refused("import.file.notTable");
            }
            sheet = csv(text);
        }
        if (sheet.header().stream().allMatch(String::isEmpty)) {
            throw new Refused("import.file.empty");
        }
        if (sheet.lines().size() > MAX_LINES) {
            throw new Refused("import.file.tooManyLines");
        }
        return sheet;
    }

    /** CSV text: the delimiter is the one the header line uses most. */
    static Spreadsheet csv(String text) throws Refused {
        List<String> rows = text.lines().toList();
        if (rows.isEmpty()) {
            throw new Refused("import.file.empty");
        }
        String head = rows.get(0);
        char delimiter = ',';
        long most = head.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = head.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                delimiter = candidate;
            }
        }
        List<String> header = trimmed(split(head, delimiter));
        List<Line> lines = new ArrayList<>();
        for (int n = 1; n < rows.size() && lines.size() <= MAX_LINES; n++) {
            if (!rows.get(n).isBlank()) {
                lines.add(new Line(n + 1, trimmed(split(rows.get(n), delimiter)).stream()
                        .map(Spreadsheet::unguarded).toList()));
            }
        }
        return new Spreadsheet(header, lines);
    }

    /**
     * A CSV cell without the apostrophe an export puts before text a spreadsheet would take for a formula
     * ("'+45 70 ..."), so a list exported here imports back unchanged.
     */
    private static String unguarded(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static List<String> split(String line, char delimiter) throws Refused {
        try {
            return Csv.split(line, delimiter);
        } catch (IllegalArgumentException unterminated) {
            throw new Refused("import.file.quotes");
        }
    }

    private static Spreadsheet xlsx(byte[] bytes) throws Refused {
        // POI's own guards (ZipSecureFile's inflate ratio and entry size) refuse a zip bomb
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new Refused("import.file.empty");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> header = null;
            List<Line> lines = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(cellText(row.getCell(c), formatter));
                }
                if (header == null) {
                    header = trimmed(cells);
                } else if (cells.stream().anyMatch(s -> !s.isBlank())) {
                    lines.add(new Line(row.getRowNum() + 1, trimmed(cells)));
                    if (lines.size() > MAX_LINES) {
                        break;
                    }
                }
            }
            if (header == null) {
                throw new Refused("import.file.empty");
            }
            return new Spreadsheet(header, lines);
        } catch (IOException | RuntimeException unreadable) {
            throw new Refused("import.file.notTable");
        }
    }

    /** A date cell as an ISO date, a whole number without ".0", anything else as Excel shows it. */
    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDate day = cell.getLocalDateTimeCellValue().toLocalDate();
                return day.toString();
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value);
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static List<String> trimmed(List<String> cells) {
        return cells.stream().map(s -> s == null ? "" : s.strip()).toList();
    }

    /**
     * The bytes as text, or null if they are not text: UTF-16 only with its byte-order mark; otherwise NUL bytes
     * mean binary; strict UTF-8 first, Windows-1252 (Excel's "CSV" in Western Europe) when that fails.
     */
    static String text(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        String type = MediaType.parse(TIKA.detect(bytes)).getBaseType().toString();
        if (!type.equals("text/plain") && !type.equals("text/csv")) {
            return null;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("windows-1252"));
        }
    }
}
