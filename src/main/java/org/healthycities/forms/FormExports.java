package org.healthycities.forms;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.healthycities.exports.ExportTable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Any form's submissions as CSV or XLSX: one row per submission, one column per field of the form's latest
 * version in form order, labels as headers, option labels (of the version each submission was made with),
 * multi-choices joined. Rows are read from a streaming JDBC result set and written as they come, so the
 * size of an export is not limited by memory.
 */
@Service
public class FormExports {

    private static final String QUERY = "SELECT s.id, s.form_version_hash, s.network_id, s.status, s.updated_at, "
            + "s.submitted_at, a.field_key, a.text_value, a.number_value, a.date_value, a.boolean_value, "
            + "a.option_value, a.document_id FROM form_submission s LEFT JOIN form_answer a ON a.submission_id = s.id "
            + "WHERE s.form_id = ? AND s.network_id IN (%s) ORDER BY s.id, a.id";

    private final JdbcTemplate jdbc;
    /** Submissions of several networks in one sheet: shown in Sund By's zone until forms know their network's. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private final FormCatalog catalog;
    private final FormTranslations translations;
    private final MessageSource messages;

    FormExports(JdbcTemplate jdbc, FormCatalog catalog, FormTranslations translations, MessageSource messages) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.translations = translations;
        this.messages = messages;
    }

    /** CSV (UTF-8 with BOM, ";"-separated) of the form's submissions in these networks; returns the row count. */
    public long csv(String formId, Collection<String> networks, Locale locale, OutputStream out) {
        try {
            return export(formId, networks, locale, ExportTable.csv(out, locale, ZONE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XLSX of the form's submissions in these networks; returns the row count. */
    public long xlsx(String formId, Collection<String> networks, Locale locale, OutputStream out) {
        return export(formId, networks, locale, ExportTable.xlsx(out, formId, ZONE));
    }

    private long export(String formId, Collection<String> networks, Locale locale, ExportTable table) {
        FormDefinition latest = catalog.latest(formId);
        List<FormComponent> columns = latest.fields().stream().filter(f -> f.kind() != FieldKind.NONE).toList();
        try {
            List<String> header = new ArrayList<>(List.of(msg("forms.export.submission", locale),
                    msg("forms.export.network", locale), msg("forms.export.status", locale),
                    msg("forms.export.updated", locale), msg("forms.export.submitted", locale)));
            columns.forEach(c -> header.add(translations.label(latest, c, locale)));
            table.header(header);
            RowCollector collector = new RowCollector(formId, columns, locale, table);
            if (!networks.isEmpty()) {
                String marks = networks.stream().map(n -> "?").collect(Collectors.joining(","));
                List<Object> args = new ArrayList<>();
                args.add(formId);
                args.addAll(networks);
                jdbc.query(con -> streaming(con, QUERY.formatted(marks), args), collector);
            }
            collector.flush();
            table.finish();
            return collector.rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A forward-only statement that streams rows (each driver has its own switch for it). */
    private static PreparedStatement streaming(Connection con, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        boolean mariadb = con.getMetaData().getDriverName().toLowerCase(Locale.ROOT).contains("mariadb");
        ps.setFetchSize(mariadb ? 1000 : Integer.MIN_VALUE); // MySQL Connector/J streams row by row with MIN_VALUE
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    /** Gathers one submission's answer rows and writes its line when the next submission starts. */
    private final class RowCollector implements RowCallbackHandler {
        private final String formId;
        private final List<FormComponent> columns;
        private final Locale locale;
        private final ExportTable table;
        private final Map<String, FormDefinition> versions = new HashMap<>();
        private long current = -1;
        private List<Object> head;
        private FormDefinition version;
        private final Map<String, List<Object>> answers = new HashMap<>();
        long rows;

        RowCollector(String formId, List<FormComponent> columns, Locale locale, ExportTable table) {
            this.formId = formId;
            this.columns = columns;
            this.locale = locale;
            this.table = table;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            long id = rs.getLong(1);
            if (id != current) {
                flush();
                current = id;
                version = versions.computeIfAbsent(rs.getString(2), hash -> catalog.version(formId, hash));
                head = Arrays.asList(BigDecimal.valueOf(id), rs.getString(3),
                        msg("form.status." + rs.getString(4), locale), instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)));
            }
            String key = rs.getString(7);
            if (key != null) {
                answers.computeIfAbsent(key, k -> new ArrayList<>()).add(SubmissionStore.value(rs, 8));
            }
        }

        void flush() {
            if (current < 0) {
                return;
            }
            List<Object> cells = new ArrayList<>(head);
            for (FormComponent column : columns) {
                cells.add(cell(column, answers.getOrDefault(column.key(), List.of())));
            }
            try {
                table.row(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rows++;
            answers.clear();
            current = -1;
        }

        private Object cell(FormComponent column, List<Object> values) {
            if (values.isEmpty()) {
                return null;
            }
            FormComponent asAnswered = version.field(column.key()).orElse(column);
            if (asAnswered.kind() == FieldKind.SINGLE_CHOICE || asAnswered.kind() == FieldKind.MULTI_CHOICE) {
                return values.stream().map(v -> translations.option(version, asAnswered, String.valueOf(v), locale))
                        .collect(Collectors.joining(", "));
            }
            Object v = values.get(0);
            if (v instanceof Boolean b) {
                return msg(b ? "form.yes" : "form.no", locale);
            }
            if (v instanceof BigDecimal || v instanceof LocalDate) {
                return v;
            }
            return v.toString();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
