package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.healthycities.evaluation.EvaluationRounds;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.DueJobs;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestClock;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestNetworks;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * A network moves in: its spreadsheet of 56 members (3 of them wrong) previewed, confirmed, and then its first
 * evaluation round invites exactly the 53 imported; the same file again (XLSX or CSV) changes nothing.
 */
@IntegrationTest
class MemberImportIT {

    @Autowired MockMvc mvc;
    @Autowired IdentityService identity;
    @Autowired TestNetworks testNetworks;
    @Autowired PossibleMemberImport possibleMembers;
    @Autowired MemberImport importer;
    @Autowired MemberService members;
    @Autowired EvaluationRounds rounds;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;

    String network;
    String secretary;
    RequestPostProcessor login;
    /** Denmark's 98 municipalities as the importer knows them: code and official name. */
    List<String[]> municipalities = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        network = testNetworks.create("imp", 0, "evaluation-calendar.bpmn", "annual-evaluation.bpmn",
                "member-evaluation.bpmn");
        try (InputStream in = new ClassPathResource("network/dk-municipalities.csv").getInputStream()) {
            byte[] csv = in.readAllBytes();
            possibleMembers.importCsv(network, new ByteArrayInputStream(csv));
            new String(csv, StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(","))
                    .filter(c -> c[2].equals("municipality")).forEach(c -> municipalities.add(new String[] {c[0], c[1]}));
        }
        secretary = TestUsers.create(identity, "indlaes", CurrentUser.SECRETARIAT, network);
        login = TestMembers.login(identity, secretary);
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    /** The secretariat's list: Danish headers, 53 good lines found by code, by code without its zero, or by name. */
    List<List<Object>> sheet() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Kommunekode", "Kommune", "Status", "Indmeldt", "Indbyggertal", "Koordinator", "E-mail",
                "Telefon", "Politisk kontakt", "Administrativ kontakt", "Temagrupper", "Noter"));
        for (int i = 0; i < 53; i++) {
            String[] m = municipalities.get(i);
            boolean byName = i % 5 == 1;
            Object code = byName ? "" : i % 5 == 2 ? (Object) Integer.valueOf(m[0]) : m[0]; // a number loses its zero
            String name = m[1].equals("Høje-Taastrup Kommune") ? "Hoeje Taastrup" : m[1];
            rows.add(List.of(code, name, i % 7 == 0 ? "" : "Aktiv", LocalDate.of(2010 + i % 12, 1 + i % 12, 1),
                    20_000 + i * 1_000, "Åse Ærø Østergård " + i, "koordinator" + i + "@kommune.dk",
                    "+45 70 00 00 " + (10 + i), "Borgmester Søren " + i, "Chef Æbelø " + i,
                    i % 3 == 0 ? "Lighed i sundhed, Børn og unge" : "", "note"));
        }
        rows.add(List.of("9999", "Atlantis Kommune", "Aktiv", "", "", "", "", "", "", "", "", ""));
        rows.add(List.of("", "Frederiksbergg", "Aktiv", "", "", "", "", "", "", "", "", ""));
        rows.add(List.of(municipalities.get(60)[0], municipalities.get(60)[1], "Aktiv", "i foråret", "", "", "", "",
                "", "", "", ""));
        return rows;
    }

    static byte[] xlsx(List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Medlemmer");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd-mm-yyyy"));
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    var cell = row.createCell(c);
                    if (v instanceof Integer n) {
                        cell.setCellValue(n);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** As Excel's "CSV (semikolonsepareret)" saves it in Denmark: Windows-1252, ";", dates as 1-3-2019. */
    static byte[] excelCsv(List<List<Object>> rows) {
        StringBuilder text = new StringBuilder();
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object v : row) {
                cells.add(v instanceof LocalDate d ? d.getDayOfMonth() + "-" + d.getMonthValue() + "-" + d.getYear()
                        : v.toString().contains(",") ? '"' + v.toString() + '"' : v.toString());
            }
            text.append(String.join(";", cells)).append("\r\n");
        }
        return text.toString().getBytes(Charset.forName("windows-1252"));
    }

    MemberImport.Preview upload(String fileName, byte[] content) {
        return importer.upload(network, fileName, content, secretary);
    }

    Set<String> importedCodes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 53; i++) {
            codes.add(municipalities.get(i)[0]);
        }
        return codes;
    }

    @Test
    void aSpreadsheetOf56IsPreviewedConfirmedAndTheFirstRoundInvitesExactlyThe53() throws Exception {
        TestClock.set(LocalDate.of(2027, 3, 10).atTime(9, 0).atZone(java.time.ZoneId.of("Europe/Copenhagen")).toInstant());
        MemberImport.Preview preview = upload("medlemmer.xlsx", xlsx(sheet()));

        assertThat(preview.failed()).isFalse();
        assertThat(preview.count(MemberImport.Outcome.CREATE)).isEqualTo(53);
        assertThat(preview.count(MemberImport.Outcome.REFUSED)).isEqualTo(3);
        assertThat(preview.unusedColumns()).containsExactly("Noter");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE network_id = ?", Integer.class, network))
                .as("nothing written before the confirmation").isZero();
        List<MemberImport.Line> refused = preview.lines().stream()
                .filter(l -> l.outcome() == MemberImport.Outcome.REFUSED).toList();
        assertThat(refused).extracting(MemberImport.Line::number).containsExactly(55, 56, 57);
        assertThat(refused.get(0).problems()).containsExactly("Koden 9999 er ikke en kendt kommune eller region i netværket.");
        assertThat(refused.get(1).problems().get(0)).contains("Mente du Frederiksberg Kommune?");
        assertThat(refused.get(2).problems().get(0)).isEqualTo("Medlem siden: \"i foråret\" er ikke en dato. Skriv fx 2019-03-01 eller 1-3-2019.");
        MemberImport.Line taastrup = preview.lines().stream().filter(l -> "Hoeje Taastrup".equals(l.fileName()))
                .findFirst().orElseThrow();
        assertThat(taastrup.officialName()).isEqualTo("Høje-Taastrup Kommune");
        assertThat(taastrup.outcome()).isEqualTo(MemberImport.Outcome.CREATE);

        MemberImport.Result result = importer.confirm(Set.of(network), preview.importId(), preview.fingerprint(),
                secretary).orElseThrow();
        assertThat(result.written()).isTrue();
        assertThat(result.created()).isEqualTo(53);
        assertThat(new HashSet<>(jdbc.queryForList("SELECT code FROM member WHERE network_id = ?", String.class, network)))
                .isEqualTo(importedCodes());
        Member first = members.findByCode(network, municipalities.get(0)[0]).orElseThrow();
        Member third = members.find(Set.of(network), members.findByCode(network, municipalities.get(3)[0]).orElseThrow().getId()).orElseThrow();
        assertThat(first.getStatus()).as("an empty status makes an active member").isEqualTo(MemberStatus.ACTIVE);
        assertThat(third.getCoordinatorName()).isEqualTo("Åse Ærø Østergård 3");
        assertThat(third.getJoinedOn()).isEqualTo(LocalDate.of(2013, 4, 1));
        assertThat(third.getPopulation()).isEqualTo(23_000);
        assertThat(third.getThemeGroups()).extracting(ThemeGroup::getName)
                .containsExactlyInAnyOrder("Lighed i sundhed", "Børn og unge");
        assertThat(members.history(first.getId())).extracting(MemberChange::getSource)
                .containsExactly(MemberChange.Source.IMPORT);

        // the first evaluation round of the network invites exactly the 53, none of whom applied
        long round = rounds.open(network, 2026, "test");
        DueJobs.ofTenant(management, network).runUntil(() -> rounds.invited(round) == 53);
        assertThat(new HashSet<>(jdbc.queryForList("SELECT m.code FROM member_evaluation e JOIN member m ON m.id = e.member_id"
                + " WHERE e.round_id = ?", String.class, round))).isEqualTo(importedCodes());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM membership_application WHERE network_id = ?", Integer.class, network))
                .isZero();

        String memberPage = mvc.perform(get("/members/" + first.getId()).with(login)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(memberPage).contains("Evalueringer", "Evaluering 2026: ingen aktiviteter", "Inviteret");

        // the same file again, and the same list as Excel's CSV: nothing to write, and a confirmation writes nothing
        int versions = jdbc.queryForObject("SELECT SUM(version) FROM member WHERE network_id = ?", Integer.class, network);
        for (MemberImport.Preview again : List.of(upload("medlemmer.xlsx", xlsx(sheet())),
                upload("medlemmer.csv", excelCsv(sheet())))) {
            assertThat(again.count(MemberImport.Outcome.UNCHANGED)).as(again.fileName()).isEqualTo(53);
            assertThat(again.count(MemberImport.Outcome.REFUSED)).isEqualTo(3);
            assertThat(again.writesSomething()).isFalse();
            MemberImport.Result nothing = importer.confirm(Set.of(network), again.importId(), again.fingerprint(),
                    secretary).orElseThrow();
            assertThat(nothing.created() + nothing.updated()).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT SUM(version) FROM member WHERE network_id = ?", Integer.class, network))
                .isEqualTo(versions);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_change c JOIN member m ON m.id = c.member_id"
                + " WHERE m.network_id = ?", Integer.class, network)).isEqualTo(53);
    }

    @Test
    void aChangedLineShowsWhatChangesAndTheHistoryKeepsBeforeAndAfter() throws Exception {
        List<List<Object>> rows = sheet().subList(0, 3);
        MemberImport.Preview first = upload("a.xlsx", xlsx(rows));
        importer.confirm(Set.of(network), first.importId(), first.fingerprint(), secretary).orElseThrow();

        List<List<Object>> changed = new ArrayList<>(rows.stream().map(ArrayList::new).toList());
        changed.get(1).set(6, "ny.koordinator@kommune.dk");
        changed.get(2).set(6, ""); // an empty cell leaves the address as it is
        MemberImport.Preview preview = upload("b.xlsx", xlsx(changed));
        assertThat(preview.count(MemberImport.Outcome.UPDATE)).isEqualTo(1);
        assertThat(preview.count(MemberImport.Outcome.UNCHANGED)).isEqualTo(1);
        MemberImport.Line line = preview.lines().get(0);
        assertThat(line.changes()).containsExactly(new MemberDetails.Change("coordinatorEmail",
                "koordinator0@kommune.dk", "ny.koordinator@kommune.dk"));

        importer.confirm(Set.of(network), preview.importId(), preview.fingerprint(), secretary).orElseThrow();
        Member member = members.findByCode(network, municipalities.get(0)[0]).orElseThrow();
        assertThat(member.getCoordinatorEmail()).isEqualTo("ny.koordinator@kommune.dk");
        MemberChange change = members.history(member.getId()).get(0);
        assertThat(change.getProperty()).isEqualTo("coordinatorEmail");
        assertThat(change.getBeforeValue()).isEqualTo("koordinator0@kommune.dk");
        assertThat(change.getAfterValue()).isEqualTo("ny.koordinator@kommune.dk");
        assertThat(change.getChangedBy()).isEqualTo(secretary);
        assertThat(change.getSource()).isEqualTo(MemberChange.Source.IMPORT);
    }

    @Test
    void aMemberEditedAfterThePreviewStopsTheWholeImport() throws Exception {
        List<List<Object>> rows = sheet().subList(0, 3);
        MemberImport.Preview first = upload("a.xlsx", xlsx(rows));
        importer.confirm(Set.of(network), first.importId(), first.fingerprint(), secretary).orElseThrow();
        List<List<Object>> changed = new ArrayList<>(sheet().subList(0, 5).stream().map(ArrayList::new).toList());
        changed.get(1).set(5, "Ny Koordinator");
        MemberImport.Preview preview = upload("b.xlsx", xlsx(changed));
        assertThat(preview.count(MemberImport.Outcome.CREATE)).isEqualTo(2);

        Member member = members.findByCode(network, municipalities.get(0)[0]).orElseThrow();
        MemberDetails edited = new MemberDetails(member.getCode(), member.getName(), member.getStatus(),
                member.getJoinedOn(), member.getPopulation(), null, null, null, null, null, null, null,
                "Kollegaen", member.getCoordinatorEmail(), null, Set.of());
        var errors = new BeanPropertyBindingResult(edited, "details");
        members.update(Set.of(network), member.getId(), member.getVersion(), edited, errors, "kollega");
        assertThat(errors.hasErrors()).isFalse();

        MemberImport.Result result = importer.confirm(Set.of(network), preview.importId(), preview.fingerprint(),
                secretary).orElseThrow();
        assertThat(result.written()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE network_id = ?", Integer.class, network))
                .as("the two new members were not written either").isEqualTo(2);
        assertThat(members.findByCode(network, municipalities.get(0)[0]).orElseThrow().getCoordinatorName())
                .isEqualTo("Kollegaen");
    }

    @Test
    void badFilesAreRefusedWholeWithTheReason() throws Exception {
        assertThat(upload("tom.csv", new byte[0]).fileError()).isEqualTo("import.file.empty");
        assertThat(upload("program.xlsx", "MZ\u0090\u0000binary".getBytes(StandardCharsets.ISO_8859_1)).fileError())
                .isEqualTo("import.file.notTable");
        assertThat(upload("forkert.csv", "Farve;Form\nrød;rund\n".getBytes(StandardCharsets.UTF_8)).fileError())
                .isEqualTo("import.members.header");
    }

    @Test
    void thePagesPreviewConfirmAndShowTheMembersWithTheirHistory() throws Exception {
        byte[] file = xlsx(sheet().subList(0, 6));
        String page = mvc.perform(multipart("/network/" + network + "/members/import")
                        .file(new MockMultipartFile("file", "medlemmer.xlsx", "application/octet-stream", file))
                        .with(csrf()).with(login))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("5 oprettes, ingen opdateres, ingen er uændrede, ingen linjer afvises.");
        assertThat(page).contains("Københavns Kommune").contains("Intet er gemt endnu.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE network_id = ?", Integer.class, network)).isZero();

        Matcher id = Pattern.compile("name=\"id\" value=\"(\\d+)\"").matcher(page);
        Matcher fingerprint = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]{64})\"").matcher(page);
        assertThat(id.find() && fingerprint.find()).isTrue();
        mvc.perform(post("/network/" + network + "/members/import/confirm").param("id", id.group(1))
                        .param("fingerprint", fingerprint.group(1)).with(csrf()).with(login))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/members"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("imported", new int[] {5, 0}));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE network_id = ?", Integer.class, network))
                .isEqualTo(5);

        Member member = members.findByCode(network, municipalities.get(0)[0]).orElseThrow();
        String memberPage = mvc.perform(get("/members/" + member.getId()).with(login)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(memberPage).contains("Oprettet som medlem").contains("indlæst fra regneark");

        // another network's secretariat cannot see or confirm this upload
        String swede = TestUsers.create(identity, "svensk", CurrentUser.SECRETARIAT, "hc-sverige");
        mvc.perform(get("/network/" + network + "/members/import/preview").param("id", id.group(1))
                .with(TestMembers.login(identity, swede))).andExpect(status().isNotFound());
    }

    @Test
    void aMemberAddedByHandPassesTheSameChecks() throws Exception {
        String path = "/network/" + network + "/members/new";
        String refused = mvc.perform(post(path).param("code", "9999").param("coordinatorEmail", "ikke en adresse")
                        .with(csrf()).with(login))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Koden er ikke en kendt kommune eller region i netværket.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE network_id = ?", Integer.class, network)).isZero();

        String[] municipality = municipalities.get(10);
        String location = mvc.perform(post(path).param("code", municipality[0]).param("status", "ACTIVE")
                        .param("joinedOn", "1998-05-01").param("coordinatorName", "Ærlige Åge")
                        .with(csrf()).with(login))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        Member added = members.findByCode(network, municipality[0]).orElseThrow();
        assertThat(location).isEqualTo("/members/" + added.getId());
        assertThat(added.getName()).isEqualTo(municipality[1]);
        assertThat(added.getJoinedOn()).isEqualTo(LocalDate.of(1998, 5, 1));
        assertThat(members.history(added.getId())).extracting(MemberChange::getSource)
                .containsExactly(MemberChange.Source.BY_HAND);

        String again = mvc.perform(post(path).param("code", municipality[0]).with(csrf()).with(login))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("Der er allerede et medlem med denne kode.");
    }

    @Test
    void theListIsExportedForExcelAndTheExportImportsBackUnchanged() throws Exception {
        MemberImport.Preview first = upload("a.xlsx", xlsx(sheet().subList(0, 11)));
        importer.confirm(Set.of(network), first.importId(), first.fingerprint(), secretary).orElseThrow();

        byte[] csv = mvc.perform(get("/members/export.csv").param("status", "ACTIVE").param("list", "coordinators")
                .with(login)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFNavn;Koordinatorens navn;Koordinatorens e-mail;Koordinatorens telefon\r\n");
        assertThat(text).contains(";Åse Ærø Østergård 0;koordinator0@kommune.dk;");
        assertThat(text.lines().count()).isEqualTo(11);

        byte[] xlsx = mvc.perform(get("/members/export.xlsx").with(login)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Kode");
            assertThat(sheet.getLastRowNum()).isEqualTo(10);
        }
        MemberImport.Preview back = upload("eksport.xlsx", xlsx);
        assertThat(back.unusedColumns()).isEmpty();
        assertThat(back.count(MemberImport.Outcome.UNCHANGED)).as(back.lines().toString()).isEqualTo(10);
        MemberImport.Preview backCsv = upload("eksport.csv", mvc.perform(get("/members/export.csv").with(login))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(backCsv.count(MemberImport.Outcome.UNCHANGED)).as(backCsv.lines().toString()).isEqualTo(10);
    }

    @Test
    void namesAreComparedAsPeopleWriteThem() {
        assertThat(MemberImport.Municipalities.nameKey("Hoeje Taastrup"))
                .isEqualTo(MemberImport.Municipalities.nameKey("Høje-Taastrup Kommune"));
        assertThat(MemberImport.Municipalities.nameKey("Århus")).isEqualTo(MemberImport.Municipalities.nameKey("Aarhus Kommune"));
        assertThat(MemberImport.Municipalities.nameKey("Göteborgs Stad")).isEqualTo("goteborgs");
        assertThat(MemberImport.Municipalities.distance("frederiksbergg", "frederiksberg")).isEqualTo(1);
    }
}
