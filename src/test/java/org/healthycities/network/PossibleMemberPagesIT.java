package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.healthycities.support.Csrf.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class PossibleMemberPagesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    NetworkDirectory directory;

    RequestPostProcessor dane;
    RequestPostProcessor swede;

    @BeforeEach
    void setUp() {
        dane = TestMembers.login(identity, TestUsers.create(identity, "mulige", CurrentUser.SECRETARIAT, "sund-by"));
        swede = TestMembers.login(identity, TestUsers.create(identity, "mojliga", CurrentUser.SECRETARIAT, "hc-sverige"));
    }

    private MockMultipartHttpServletRequestBuilder upload(String network, byte[] content) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/network/" + network + "/possible-members/import")
                .file(new MockMultipartFile("file", "medlemmer.csv", "text/csv", content)).with(csrf());
    }

    /** A code no other test uses, valid for the importer (letters, digits, hyphens, at most 20). */
    private static String code() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theListSearchesByNameOrCodeAndHasPages() throws Exception {
        mvc.perform(get("/network/sund-by/possible-members").with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Side 1 af")))
                .andExpect(content().string(containsString("Næste side")))
                .andExpect(content().string(containsString("/network/sund-by/possible-members/import")));
        mvc.perform(get("/network/sund-by/possible-members").param("q", "tårn").with(dane))
                .andExpect(content().string(containsString("Tårnby Kommune")))
                .andExpect(content().string(not(containsString("Ærø Kommune"))));
        mvc.perform(get("/network/sund-by/possible-members").param("q", "0492").with(dane))
                .andExpect(content().string(containsString("Ærø Kommune")))
                .andExpect(content().string(containsString("1 muligt medlem")));
        mvc.perform(get("/network/sund-by/possible-members").param("page", "1").with(dane))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Side 2 af")))
                .andExpect(content().string(containsString("Forrige side")));
    }

    @Test
    void aFileWithBrokenLinesSavesTheGoodOnesAndReportsEveryRefusedLine() throws Exception {
        String good = code();
        String alsoGood = code();
        String csv = "code;name;kind;population\n"
                + good + ";Örebro;kommun;160 000\n"
                + alsoGood + ";Västra Götalandsregionen;region;\n"
                + ";Ingen kod;kommun;1\n"
                + code() + ";Plutonien;planet;5\n"
                + code() + ";Kort rad;kommun\n"
                + code() + ";Minus;kommun;-3\n";
        mvc.perform(upload("hc-sverige", csv.getBytes(StandardCharsets.UTF_8)).with(swede))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 oprettet, 0 opdateret, 4 linjer afvist.")))
                .andExpect(content().string(containsString("<td>4</td>")))
                .andExpect(content().string(containsString("Koden &quot;&quot; er ikke gyldig")))
                .andExpect(content().string(containsString("<td>5</td>")))
                .andExpect(content().string(containsString("Typen &quot;planet&quot; er ukendt: skriv kommune eller region.")))
                .andExpect(content().string(containsString("<td>6</td>")))
                .andExpect(content().string(containsString("Linjen skal have 4 kolonner, men har 3.")))
                .andExpect(content().string(containsString("<td>7</td>")))
                .andExpect(content().string(containsString("Indbyggertallet &quot;-3&quot; er ikke et helt tal på 0 eller mere.")));
        assertThat(directory.possibleMember("hc-sverige", good)).get()
                .extracting(PossibleMember::getPopulation).isEqualTo(160_000);
        assertThat(directory.possibleMember("hc-sverige", alsoGood)).get()
                .extracting(PossibleMember::getKind).isEqualTo(MemberKind.REGION);
    }

    @Test
    void theReportSpeaksThePersonsLanguage() throws Exception {
        String csv = "code,name,kind\n" + code() + ",Plutonien,planet\n";
        mvc.perform(upload("hc-sverige", csv.getBytes(StandardCharsets.UTF_8)).param("lang", "sv").with(swede))
                .andExpect(content().string(containsString("0 skapade, 0 uppdaterade, 1 rad avvisade.")))
                .andExpect(content().string(containsString("Typen &quot;planet&quot; är okänd: skriv kommun eller region.")));
    }

    @Test
    void aFileThatIsNotTextIsRefusedWholeWhateverItsName() throws Exception {
        String code = code();
        String csv = "code,name,kind\n" + code + ",Gävle,kommun\n";
        byte[] zip = TextFileCheckTest.zip("medlemmer.csv", csv.getBytes(StandardCharsets.UTF_8));
        byte[] pdf = ("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + csv).getBytes(StandardCharsets.ISO_8859_1);
        byte[] withNul = csv.getBytes(StandardCharsets.UTF_8);
        withNul[5] = 0;
        for (byte[] content : new byte[][] {zip, pdf, withNul}) {
            mvc.perform(upload("hc-sverige", content).with(swede))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Filen er ikke en tekstfil.")))
                    .andExpect(content().string(containsString("Intet fra filen er gemt.")));
        }
        assertThat(directory.possibleMember("hc-sverige", code)).isEmpty();
    }

    @Test
    void aFileOverTheSizeLimitOrEmptyIsRefusedWithItsReason() throws Exception {
        String line = code() + ",Kommun,kommun\n";
        byte[] big = new byte[PossibleMemberImport.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] head = ("code,name,kind\n" + line).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, big, 0, head.length);
        mvc.perform(upload("hc-sverige", big).with(swede))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen er for stor. Den må højst fylde 2 MB.")));
        mvc.perform(upload("hc-sverige", new byte[0]).with(swede))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Filen er tom, eller der er ikke valgt nogen fil.")));
        assertThat(directory.possibleMember("hc-sverige", line.substring(0, 9))).isEmpty();
    }

    @Test
    void theUploadPageExplainsTheFormatAndCarriesTheCsrfToken() throws Exception {
        mvc.perform(get("/network/hc-sverige/possible-members/import").with(swede))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("enctype=\"multipart/form-data\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("højst fylde 2 MB")));
        mvc.perform(multipart("/network/hc-sverige/possible-members/import")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "code,name,kind\n".getBytes()))
                        .with(swede))
                .andExpect(status().isForbidden());
    }
}
