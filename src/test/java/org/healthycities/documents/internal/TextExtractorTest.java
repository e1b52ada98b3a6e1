package org.healthycities.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The limit logic of {@link TextExtractor} on the generated corpus, good and bad, without Spring or a database. */
class TextExtractorTest {

    static final TextExtractor extractor = new TextExtractor(DocumentLimits.defaults());

    @AfterAll
    static void close() {
        extractor.close();
    }

    static TextExtractor.Extracted read(byte[] bytes) throws Exception {
        return extractor.extract(extractor.read(new ByteArrayInputStream(bytes)));
    }

    static void assertRefused(byte[] bytes, String key) {
        assertRefused(extractor, bytes, key);
    }

    static void assertRefused(TextExtractor extractor, byte[] bytes, String key) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> extractor.extract(extractor.read(new ByteArrayInputStream(bytes))))
                .isInstanceOfSatisfying(DocumentRefused.class, r -> assertThat(r.result().messageKey()).isEqualTo(key));
        System.out.printf("%s in %d ms%n", key, (System.nanoTime() - start) / 1_000_000); // "within seconds", shown, not asserted
    }

    @Test
    void aDanishPdfIsReadWithItsTextAndLanguage() throws Exception {
        var read = read(Corpus.pdf(Corpus.DANISH));
        assertThat(read.mediaType()).isEqualTo("application/pdf");
        assertThat(read.text()).contains("Tårnby Kommune tiltrædelsesdokument");
        assertThat(read.language()).isEqualTo("da");
        assertThat(read.truncated()).isFalse();
    }

    /** The three networks' languages, English, a neighbour's, and a text too short to tell. */
    @Test
    void theLanguagesOfTheNetworksAndTheirNeighboursAreTold() throws Exception {
        assertThat(read(Corpus.docx(Corpus.SWEDISH)).language()).isEqualTo("sv");
        assertThat(read(Corpus.docx(Corpus.NORWEGIAN)).language()).isEqualTo("no");
        assertThat(read(Corpus.docx(Corpus.ENGLISH)).language()).isEqualTo("en");
        assertThat(read(Corpus.docx(Corpus.POLISH)).language()).isEqualTo("pl");
        assertThat(read(Corpus.docx("ok")).language()).isNull();
    }

    @Test
    void officeFilesAndImagesOfTheAllowedTypesAreAccepted() throws Exception {
        assertThat(read(Corpus.docx(Corpus.DANISH)).text()).contains("tiltrædelsesdokument");
        assertThat(read(Corpus.docx(Corpus.DANISH)).mediaType()).endsWith("wordprocessingml.document");
        assertThat(read(Corpus.xlsx("Handleplan 2026")).text()).contains("Handleplan 2026");
        assertThat(read(Corpus.odt("Sund By Netværket")).text()).contains("Sund By Netværket");
        assertThat(read(Corpus.odt("x")).mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(read(Corpus.png()).mediaType()).isEqualTo("image/png");
        assertThat(read(Corpus.jpeg()).mediaType()).isEqualTo("image/jpeg");
        assertThat(read(Corpus.png()).language()).isNull();
    }

    @Test
    void theTypeComesFromTheContentSoRenamedExecutablesAndZipsAreRefused() {
        assertRefused(Corpus.elf(), "document.type");
        assertRefused(Corpus.windowsExe(), "document.type");
        assertRefused(Corpus.zip(), "document.type");
        assertRefused(Corpus.nestedZip(5), "document.type");
    }

    @Test
    void aTypeRefusalNamesTheTypeFoundAndTheTypesAllowed() {
        assertThatThrownBy(() -> extractor.extract(Corpus.elf()))
                .isInstanceOfSatisfying(DocumentRefused.class, r -> assertThat(r.result().args())
                        .containsExactly("application/x-executable", "PDF, DOCX, ODT, XLSX, PNG, JPG"));
    }

    @Test
    void emptyAndOverSizeFilesAreRefusedBeforeReading() {
        assertRefused(new byte[0], "document.empty");
        TextExtractor small = new TextExtractor(new DocumentLimits(DataSize.ofKilobytes(1), null, null, null, null, null, null));
        try {
            assertRefused(small, new byte[1025], "document.tooLarge");
            // the rest of a huge stream is never read
            InputStream endless = InputStream.nullInputStream();
            assertThatThrownBy(() -> small.read(new java.io.SequenceInputStream(new ByteArrayInputStream(new byte[2048]), endless)))
                    .isInstanceOfSatisfying(DocumentRefused.class, r -> assertThat(r.result().args()).containsExactly(1024 / (1024.0 * 1024.0)));
        } finally {
            small.close();
        }
    }

    @Test
    void encryptedAndCorruptPdfsAreRefused() {
        assertRefused(Corpus.encryptedPdf(Corpus.DANISH), "document.encrypted");
        byte[] pdf = Corpus.pdf(Corpus.DANISH);
        assertRefused(Corpus.truncate(pdf, pdf.length / 3), "document.corrupt");
    }

    @Test
    void aZipBombInADocxIsRefusedAlsoWhenEmbeddedInAnother() {
        byte[] bomb = Corpus.docxBomb(200L * 1024 * 1024); // half a megabyte that inflates to 200 MB
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertRefused(bomb, "document.bomb");
        assertRefused(Corpus.docxEmbedding(bomb), "document.bomb");
    }

    @Test
    void billionLaughsInADocxIsRefused() {
        assertRefused(Corpus.billionLaughsDocx(), "document.bomb");
    }

    @Test
    void documentsNestedTooDeeplyAreRefusedAndShallowOnesRead() throws Exception {
        assertThat(read(Corpus.nestedDocx(2)).text()).contains("Niveau 0", "Niveau 2");
        assertRefused(Corpus.nestedDocx(8), "document.nested");
    }

    @Test
    void textBeyondTheLimitIsCutOffNotRefused() throws Exception {
        TextExtractor few = new TextExtractor(new DocumentLimits(null, 100, null, null, null, null, null));
        try {
            var read = few.extract(Corpus.pdf(Corpus.DANISH, Corpus.DANISH));
            assertThat(read.truncated()).isTrue();
            assertThat(read.text()).hasSizeLessThanOrEqualTo(100).startsWith("Tårnby Kommune");
        } finally {
            few.close();
        }
    }

    @Test
    void aParseOverTheTimeLimitIsRefused() {
        TextExtractor hasty = new TextExtractor(new DocumentLimits(null, null, Duration.ofMillis(1), null, null, null, null));
        try {
            assertRefused(hasty, Corpus.pdf(Corpus.DANISH), "document.timeout");
        } finally {
            hasty.close();
        }
    }

    @Test
    void theAllowedTypesAreConfigurable() throws Exception {
        TextExtractor pdfOnly = new TextExtractor(new DocumentLimits(null, null, null, null, null, List.of("application/pdf"), null));
        try {
            assertRefused(pdfOnly, Corpus.png(), "document.type");
            assertThat(pdfOnly.extract(Corpus.pdf("Hej")).mediaType()).isEqualTo("application/pdf");
        } finally {
            pdfOnly.close();
        }
    }

    @Test
    void aBurstOfUploadsWaitsForAParseThreadInsteadOfBeingTurnedAway() throws Exception {
        // one parse thread and 40 uploads at once: before, all beyond the thread and its queue of 4 were "busy"
        TextExtractor single = new TextExtractor(new DocumentLimits(null, null, null, null, null, null, 1));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(40);
        try {
            byte[] pdf = Corpus.pdf("Tiltraedelse");
            var go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(pool.submit(() -> {
                    go.await();
                    try {
                        return single.extract(pdf).mediaType();
                    } catch (DocumentRefused r) {
                        return r.result().messageKey();
                    }
                }));
            }
            go.countDown();
            for (var read : reads) {
                assertThat(read.get()).isEqualTo("application/pdf");
            }
        } finally {
            pool.shutdownNow();
            single.close();
        }
    }
}
