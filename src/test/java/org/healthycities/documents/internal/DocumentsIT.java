package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.documents.UploadResult;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestMembers;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Uploads stored and refused against the real database, found by FULLTEXT search, downloaded by the right people only. */
@IntegrationTest
class DocumentsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    IdentityService identity;
    @Autowired
    DocumentService documents;
    @Autowired
    MessageSource messages;
    @Autowired
    PlatformTransactionManager transactions;

    String dane;
    String swede;
    String owner;
    String token; // a word only this test's documents contain, so tests never see each other's

    @BeforeEach
    void setUp() {
        dane = TestUsers.create(identity, "dok-dk", CurrentUser.SECRETARIAT, "sund-by");
        swede = TestUsers.create(identity, "dok-se", CurrentUser.SECRETARIAT, "hc-sverige");
        owner = UUID.randomUUID().toString();
        token = "sag" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private StoredDocument store(String network, String filename, byte[] bytes) throws IOException {
        UploadResult result = documents.store(network, "application", owner, filename, new ByteArrayInputStream(bytes));
        assertThat(result).isInstanceOf(UploadResult.Stored.class);
        return ((UploadResult.Stored) result).document();
    }

    private StoredDocument taarnbyPdf() throws IOException {
        return store("sund-by", "Tårnby tiltrædelse " + token + ".pdf", Corpus.pdf(Corpus.DANISH + " Sagsnummer " + token + "."));
    }

    /**
     * Parsing waits for a parse thread and may take seconds: it must never hold a transaction and its database
     * connection. Reading inside one is refused, so every caller (application, evaluation, form uploads, whose
     * journeys upload files in their tests) is proven to read first and store inside its transaction after.
     */
    @Test
    void anUploadIsReadBeforeTheTransactionAndStoredInsideIt() throws Exception {
        byte[] pdf = Corpus.pdf(Corpus.DANISH + " " + token);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            try {
                documents.read("inde.pdf", new ByteArrayInputStream(pdf));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("before the transaction");

        ReadUpload read = documents.read("bilag " + token + ".pdf", new ByteArrayInputStream(pdf));
        assertThat(read.refused()).isEmpty();
        UploadResult stored = tx.execute(s -> documents.store("sund-by", "application", owner, read));
        assertThat(stored).isInstanceOf(UploadResult.Stored.class);
        assertThat(documents.extractedText(((UploadResult.Stored) stored).document().id())).hasValueSatisfying(
                text -> assertThat(text).contains(token));
        // a refused read stores nothing, inside a transaction too
        ReadUpload refused = documents.read("program.pdf", new ByteArrayInputStream(Corpus.elf()));
        assertThat(refused.refused()).isPresent();
        UploadResult notStored = tx.execute(s -> documents.store("sund-by", "application", owner, refused));
        assertThat(notStored).isInstanceOf(UploadResult.Refused.class);
        assertThat(documents.findByOwner("application", owner)).hasSize(1);
    }

    @Test
    void aDanishPdfIsStoredWithItsHashSizeTypeLanguageAndText() throws Exception {
        byte[] pdf = Corpus.pdf(Corpus.DANISH + " Sagsnummer " + token + ".");
        StoredDocument stored = store("sund-by", "C:\\Users\\anne\\Tårnby.pdf", pdf);
        assertThat(stored.filename()).isEqualTo("Tårnby.pdf");
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.language()).isEqualTo("da");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(documents.extractedText(stored.id())).get().asString().contains("Tårnby Kommune tiltrædelsesdokument", token);
        assertThat(documents.content(stored.id()).orElseThrow().readAllBytes()).isEqualTo(pdf);
        assertThat(documents.find(stored.id())).contains(stored);
        assertThat(documents.findByOwner("application", owner)).containsExactly(stored);
    }

    @Test
    void aDocxAndAPngAreStoredWithTheirDetectedTypes() throws Exception {
        StoredDocument docx = store("sund-by", "plan.pdf", Corpus.docx(Corpus.DANISH)); // the name says PDF, the content DOCX
        assertThat(docx.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(docx.language()).isEqualTo("da");
        StoredDocument png = store("sund-by", "logo.png", Corpus.png());
        assertThat(png.mediaType()).isEqualTo("image/png");
        assertThat(documents.extractedText(png.id())).contains("");
    }

    @Test
    void everyBadFileIsRefusedWithItsReasonInEveryLanguageAndNothingIsStored() throws Exception {
        byte[] pdf = Corpus.pdf(Corpus.DANISH);
        Map<String, byte[]> corpus = new LinkedHashMap<>();
        corpus.put("document.empty", new byte[0]);
        corpus.put("document.type", Corpus.elf());
        corpus.put("document.bomb", Corpus.docxBomb(200L * 1024 * 1024));
        corpus.put("document.encrypted", Corpus.encryptedPdf(Corpus.DANISH));
        corpus.put("document.corrupt", Corpus.truncate(pdf, pdf.length / 3));
        corpus.put("document.nested", Corpus.nestedDocx(6));
        for (var bad : corpus.entrySet()) {
            UploadResult result = documents.store("sund-by", "application", owner, "bilag.pdf", new ByteArrayInputStream(bad.getValue()));
            assertThat(result).as(bad.getKey()).isInstanceOfSatisfying(UploadResult.Refused.class,
                    refused -> assertThat(refused.messageKey()).isEqualTo(bad.getKey()));
            UploadResult.Refused refused = (UploadResult.Refused) result;
            for (String language : List.of("da", "en", "sv", "nb")) {
                assertThat(messages.getMessage(refused.messageKey(), refused.args().toArray(), Locale.forLanguageTag(language)))
                        .isNotBlank().doesNotContain("{0}", "{1}");
            }
        }
        assertThat(documents.findByOwner("application", owner)).isEmpty();
    }

    @Test
    void anUploadOverTwentyMegabytesIsRefusedWithoutReadingItAll() throws Exception {
        long[] served = {0};
        InputStream zeros = new InputStream() { // 30 MB of nothing, never in memory
            @Override
            public int read() {
                return served[0]++ < 30L * 1024 * 1024 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, 30L * 1024 * 1024 - served[0]);
                served[0] += Math.max(n, 0);
                return n <= 0 ? -1 : n;
            }
        };
        UploadResult result = documents.store("sund-by", "application", owner, "stor.pdf",
                new SequenceInputStream(new ByteArrayInputStream(Corpus.pdf("Stor")), zeros));
        assertThat(result).isInstanceOfSatisfying(UploadResult.Refused.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("document.tooLarge"));
        UploadResult.Refused refused = (UploadResult.Refused) result;
        assertThat(messages.getMessage(refused.messageKey(), refused.args().toArray(), Locale.forLanguageTag("da")))
                .isEqualTo("Filen er for stor. Den må højst fylde 20 MB.");
        assertThat(served[0]).isLessThanOrEqualTo(20L * 1024 * 1024 + 1);
        assertThat(documents.findByOwner("application", owner)).isEmpty();
    }

    @Test
    void aFileJustUnderTheLimitIsStoredWholeWithItsTextCutOff() throws Exception {
        byte[] pdf = Corpus.bigPdf(19L * 1024 * 1024);
        StoredDocument stored = store("sund-by", "stor.pdf", pdf);
        assertThat(stored.size()).isEqualTo(pdf.length).isGreaterThan(18L * 1024 * 1024);
        assertThat(documents.content(stored.id()).orElseThrow().readAllBytes()).isEqualTo(pdf);
        assertThat(documents.extractedText(stored.id()).orElseThrow()).hasSizeBetween(1_900_000, 2_000_000);
    }

    @Test
    void theSecretariatFindsTheDanishTextByFullTextSearchInItsOwnNetworksOnly() throws Exception {
        StoredDocument pdf = taarnbyPdf();
        mvc.perform(get("/documents").param("q", "tiltrædelsesdokument " + token).with(TestMembers.login(identity, dane)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(pdf.filename())))
                .andExpect(content().string(containsString("Tårnby Kommune tiltrædelsesdokument")))
                .andExpect(content().string(containsString("href=\"/documents/" + pdf.id() + "\"")))
                .andExpect(content().string(containsString("1 dokument")));
        // a word's beginning finds it too
        mvc.perform(get("/documents").param("q", "tiltræd " + token).with(TestMembers.login(identity, dane)))
                .andExpect(content().string(containsString(pdf.filename())));
        mvc.perform(get("/documents").param("q", "tiltrædelsesdokument " + token).with(TestMembers.login(identity, swede)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(pdf.filename()))))
                .andExpect(content().string(containsString("Ingen dokumenter")));
        mvc.perform(get("/documents").param("q", "ab").with(TestMembers.login(identity, dane)))
                .andExpect(content().string(containsString("Søg på ord med mindst 3 bogstaver.")));
    }

    @Test
    void textFromADocumentIsShownAsTextNeverAsMarkup() throws Exception {
        store("sund-by", "<b onclick=x>fed.docx", Corpus.docx("<script>alert('x')</script> " + token));
        mvc.perform(get("/documents").param("q", token).with(TestMembers.login(identity, dane)))
                .andExpect(content().string(containsString("&lt;script&gt;alert(")))
                .andExpect(content().string(containsString("&lt;b onclick=x&gt;fed.docx")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void theResultsComeTwentyToAPage() throws Exception {
        byte[] pdf = Corpus.pdf("Handleplan " + token);
        for (int i = 0; i < DocumentSearch.PAGE_SIZE + 1; i++) {
            store("sund-by", token + "-" + i + ".pdf", pdf);
        }
        String first = mvc.perform(get("/documents").param("q", token).with(TestMembers.login(identity, dane)))
                .andExpect(content().string(containsString("21 dokumenter")))
                .andExpect(content().string(containsString("Side 1 af 2")))
                .andReturn().getResponse().getContentAsString();
        String second = mvc.perform(get("/documents").param("q", token).param("page", "1").with(TestMembers.login(identity, dane)))
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split("href=\"/documents/\\d+\"")).hasSize(DocumentSearch.PAGE_SIZE + 1);
        assertThat(second.split("href=\"/documents/\\d+\"")).hasSize(2);
    }

    @Test
    void theDownloadIsAnAttachmentWithTheDetectedTypeForTheNetworksSecretariatOnly() throws Exception {
        StoredDocument pdf = taarnbyPdf();
        byte[] body = mvc.perform(get("/documents/" + pdf.id()).with(TestMembers.login(identity, dane)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment;")))
                .andExpect(header().string("Content-Disposition",
                        containsString("filename*=UTF-8''T%C3%A5rnby%20tiltr%C3%A6delse%20" + token + ".pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(body).isEqualTo(documents.content(pdf.id()).orElseThrow().readAllBytes());
        // the Swede gets what a missing document gets
        mvc.perform(get("/documents/" + pdf.id()).with(TestMembers.login(identity, swede))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/999999999").with(TestMembers.login(identity, dane))).andExpect(status().isNotFound());
        mvc.perform(get("/documents/" + pdf.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/documents/" + pdf.id()).with(TestMembers.login(identity, "admin"))).andExpect(status().isOk());
    }
}
