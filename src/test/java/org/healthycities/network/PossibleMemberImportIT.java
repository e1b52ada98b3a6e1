package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.healthycities.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class PossibleMemberImportIT {

    @Autowired
    PossibleMemberImport importer;
    @Autowired
    NetworkDirectory directory;

    @Test
    void denmarksMunicipalitiesAndRegionsAreSeeded() throws Exception {
        // every line of the shipped file is there (other tests may add their own possible members)
        var lines = new String(getClass().getResourceAsStream("/network/dk-municipalities.csv").readAllBytes(),
                StandardCharsets.UTF_8).lines().skip(1).toList();
        assertThat(lines).hasSize(103);
        assertThat(lines).allSatisfy(line -> assertThat(directory.possibleMember("sund-by", line.split(",")[0]))
                .get().extracting(PossibleMember::getName).isEqualTo(line.split(",")[1]));
        assertThat(directory.possibleMember("sund-by", "0185")).get()
                .extracting(PossibleMember::getName).isEqualTo("Tårnby Kommune");
        assertThat(directory.possibleMember("sund-by", "1084")).get()
                .extracting(PossibleMember::getKind).isEqualTo(MemberKind.REGION);
        assertThat(directory.searchPossibleMembers("sund-by", "høje", 10))
                .extracting(PossibleMember::getName).containsExactly("Høje-Taastrup Kommune");
        // by code prefix too; a wildcard typed into the search is a letter, not "anything"
        assertThat(directory.searchPossibleMembers("sund-by", "018", 10)).extracting(PossibleMember::getCode)
                .contains("0185").allSatisfy(code -> assertThat(code).startsWith("018"));
        assertThat(directory.searchPossibleMembers("sund-by", "%", 10)).isEmpty();
        assertThat(directory.searchPossibleMembers("other-network", "høje", 10)).isEmpty();
    }

    @Test
    void brokenLinesAreRefusedOneByOneWithTheirReasons() throws Exception {
        String csv = """
                code;name;kind;population
                X0180;Stockholm;kommun;984 748
                X1480;Göteborg;kommun;600000
                ;Ingen kod;kommun;1
                X0181;Södertälje;planet;100
                X0182;Nacka;kommun;-4
                X0180;Stockholm igen;kommun;1
                "X0183;Sundbyberg;kommun
                X0184;Solna;kommun
                """;
        var report = importer.importCsv("hc-sverige", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.refusals()).extracting(PossibleMemberImport.Refusal::line).containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(report.refusals()).extracting(PossibleMemberImport.Refusal::messageKey).containsExactly(
                "import.line.code", "import.line.kind", "import.line.population", "import.line.duplicate",
                "import.line.quotes", "import.line.columns");
        assertThat(directory.possibleMember("hc-sverige", "X0180")).get()
                .extracting(PossibleMember::getPopulation).isEqualTo(984748);
        assertThat(directory.possibleMember("hc-sverige", "X0182")).isEmpty();
    }

    @Test
    void excelsWindows1252FilesAreReadRight() throws Exception {
        String csv = "code,name,kind,population\n0301,Oslo kommune,kommune,709037\n5001,Trondheim kommune,kommune,212660\n3201,Bærum kommune,kommune,130000\n";
        var report = importer.importCsv("sunne-kommuner",
                new ByteArrayInputStream(csv.getBytes(Charset.forName("windows-1252"))));
        assertThat(report.refusals()).isEmpty();
        assertThat(directory.possibleMember("sunne-kommuner", "3201")).get()
                .extracting(PossibleMember::getName).isEqualTo("Bærum kommune");
    }

    @Test
    void aFileWithoutTheColumnsIsRefusedWhole() throws Exception {
        var report = importer.importCsv("sunne-kommuner",
                new ByteArrayInputStream("navn,innbyggere\nOslo,1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(report.fileError()).isEqualTo("import.file.header");
        var empty = importer.importCsv("sunne-kommuner", new ByteArrayInputStream(new byte[0]));
        assertThat(empty.fileError()).isEqualTo("import.file.empty");
    }
}
