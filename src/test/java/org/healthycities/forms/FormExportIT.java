package org.healthycities.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The secretariat's CSV and XLSX exports, read back: labels, option labels, Danish letters, no formulas, own network only. */
@IntegrationTest
class FormExportIT {

    private static final String FORM = "test-export";

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    Submissions submissions;
    @Autowired
    JdbcTemplate jdbc;

    private long submit(String network, Map<String, Object> answers) {
        Submission s = submissions.create(FORM, new Subject("evaluation", UUID.randomUUID().toString()), network, Submitter.NOBODY);
        assertThat(submissions.submit(s.id(), 0, FormInput.of(answers))).isInstanceOf(SaveResult.Submitted.class);
        return s.id();
    }

    @Test
    void csvAndXlsxReadBackRightAndOnlyForTheSecretariatsNetwork() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        long taarnby = submit("sund-by", Map.of("by", "Tårnby " + marker, "note", "=HYPERLINK(\"http://x\";\"klik\")",
                "people", "43000", "member", "true", "since", "2020-01-31", "region", "sj", "tags", List.of("u", "b")));
        long evil = submit("sund-by", Map.of("by", "@SUM(A1) " + marker, "note", "-1+2", "people", "-5",
                "tags", List.of("a")));
        long script = submit("sund-by", Map.of("by", "+45 " + marker, "note", "<script>alert(1)</script>"));
        submit("hc-sverige", Map.of("by", "Göteborg " + marker));
        String secretary = TestUsers.create(identity, "eksport", CurrentUser.SECRETARIAT, "sund-by");

        byte[] csv = mvc.perform(get("/forms/" + FORM + "/submissions.csv").with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("Besvarelse;Netværk;Status;Senest ændret;Indsendt;Kommune (æøå);Bemærkning;"
                + "Indbyggere;Medlem;Medlem siden;Region;Emner");
        assertThat(line(lines, taarnby)).startsWith(taarnby + ";sund-by;Indsendt;")
                .endsWith(";Tårnby " + marker + ";\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\";43000;Ja;2020-01-31;Sjælland;Ulighed, Børn & unge");
        assertThat(line(lines, evil)).endsWith(";'@SUM(A1) " + marker + ";'-1+2;-5;Nej;;;Ældre");
        assertThat(line(lines, script)).endsWith(";'+45 " + marker + ";<script>alert(1)</script>;;Nej;;;");
        assertThat(lines).noneMatch(l -> l.contains("Göteborg"));

        byte[] xlsx = mvc.perform(get("/forms/" + FORM + "/submissions.xlsx").with(TestMembers.login(identity, secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(cells(sheet.getRow(0))).containsSubsequence("Kommune (æøå)", "Bemærkning", "Emner");
            Row t = row(sheet, taarnby);
            assertThat(t.getCell(5).getStringCellValue()).isEqualTo("Tårnby " + marker);
            Cell formula = t.getCell(6);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING); // text, never a formula
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue(); // shown as Excel shows '=...
            assertThat(t.getCell(7).getNumericCellValue()).isEqualTo(43000.0);
            assertThat(t.getCell(8).getStringCellValue()).isEqualTo("Ja");
            assertThat(t.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2020, 1, 31));
            assertThat(t.getCell(11).getStringCellValue()).isEqualTo("Ulighed, Børn & unge");
            Row e = row(sheet, evil);
            assertThat(e.getCell(5).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(e.getCell(6).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(e.getCell(7).getNumericCellValue()).isEqualTo(-5.0);
            for (Row r : sheet) {
                for (Cell c : r) {
                    assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (c.getCellType() == CellType.STRING) {
                        assertThat(c.getStringCellValue()).doesNotContain("Göteborg");
                    }
                }
            }
        }
    }

    @Test
    void anOldSubmissionIsExportedWithTheFormVersionItWasMadeWith() throws Exception {
        String json = new String(TestForms.class.getResourceAsStream("/forms/" + FORM + ".form").readAllBytes(),
                StandardCharsets.UTF_8).replace("\"Sjælland\"", "\"Region Sjælland (gammel)\"")
                .replace("\"Region\"", "\"Hvilken region\"");
        FormDefinition old = TestForms.parse(json);
        jdbc.update("INSERT IGNORE INTO form_version (form_id, version_hash, schema_json, first_used_at) VALUES (?, ?, ?, NOW())",
                FORM, old.versionHash(), json);
        jdbc.update("INSERT INTO form_submission (form_id, form_version_hash, subject_type, subject_id, network_id, status, "
                + "version, created_at, updated_at) VALUES (?, ?, 'evaluation', ?, 'sund-by', 'SUBMITTED', 1, NOW(), NOW())",
                FORM, old.versionHash(), UUID.randomUUID().toString());
        long id = jdbc.queryForObject("SELECT MAX(id) FROM form_submission WHERE form_version_hash = ?", Long.class, old.versionHash());
        jdbc.update("INSERT INTO form_answer (submission_id, field_key, option_value) VALUES (?, 'region', 'sj')", id);

        String secretary = TestUsers.create(identity, "eksport", CurrentUser.SECRETARIAT, "sund-by");
        String csv = mvc.perform(get("/forms/" + FORM + "/submissions.csv").with(TestMembers.login(identity, secretary)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(line(List.of(csv.split("\r\n")), id)).contains(";Region Sjælland (gammel);");
        assertThat(submissions.form(submissions.find(id).orElseThrow()).field("region").orElseThrow().label())
                .isEqualTo("Hvilken region");
    }

    @Test
    void onlyTheSecretariatMayExport() throws Exception {
        String board = TestUsers.create(identity, "bestyrelse", CurrentUser.BOARD, "sund-by");
        mvc.perform(get("/forms/" + FORM + "/submissions.csv").with(TestMembers.login(identity, board)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/forms/" + FORM + "/submissions.xlsx")).andExpect(status().is3xxRedirection());
    }

    private static String line(List<String> lines, long id) {
        return lines.stream().filter(l -> l.startsWith(id + ";")).findFirst().orElseThrow();
    }

    private static Row row(Sheet sheet, long id) {
        for (Row r : sheet) {
            Cell first = r.getCell(0);
            if (first != null && first.getCellType() == CellType.NUMERIC && (long) first.getNumericCellValue() == id) {
                return r;
            }
        }
        throw new AssertionError("no row for submission " + id);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new java.util.ArrayList<>();
        row.forEach(c -> cells.add(c.getStringCellValue()));
        return cells;
    }
}
