package org.healthycities.documents.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bad-upload corpus of the documents tests, for the tests of every upload field (security). */
public final class BadUploads {

    /** A file as a browser would send it: the name the user's computer gave it, and its bytes. */
    public record Upload(String what, String filename, byte[] bytes) {
    }

    private BadUploads() {
    }

    /** Files that must be refused by what they are, whatever their name says. */
    public static List<Upload> corpus() {
        byte[] pdf = Corpus.pdf(Corpus.DANISH);
        return List.of(
                new Upload("Linux program named .pdf", "beslutning.pdf", Corpus.elf()),
                new Upload("Windows program named .pdf", "beslutning.pdf", Corpus.windowsExe()),
                new Upload("zip named .docx", "beslutning.docx", Corpus.zip()),
                new Upload("HTML with script named .pdf", "beslutning.pdf",
                        "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8)),
                new Upload("zip bomb DOCX", "beslutning.docx", Corpus.docxBomb(200_000_000L)),
                new Upload("billion laughs DOCX", "beslutning.docx", Corpus.billionLaughsDocx()),
                new Upload("DOCX nested 8 deep", "beslutning.docx", Corpus.nestedDocx(8)),
                new Upload("encrypted PDF", "beslutning.pdf", Corpus.encryptedPdf(Corpus.DANISH)),
                new Upload("truncated PDF", "beslutning.pdf", Corpus.truncate(pdf, pdf.length / 3)));
    }

    /** A good PDF with this text. */
    public static byte[] pdf(String text) {
        return Corpus.pdf(text);
    }
}
