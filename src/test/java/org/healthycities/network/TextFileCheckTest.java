package org.healthycities.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** An uploaded list of possible members is read only if its content is text, whatever the file is called. */
class TextFileCheckTest {

    static final String CSV = "code;name;kind;population\n0180;Stockholm;kommun;984748\n3201;Bærum kommune;kommune;130000\n";

    static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void csvInUtf8OrWindows1252IsText() {
        assertThat(isText(CSV.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(isText(CSV.getBytes(Charset.forName("windows-1252")))).isTrue();
        assertThat(isText(("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void aZipOrPdfIsNotText() throws IOException {
        assertThat(isText(zip("medlemmer.csv", CSV.getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(isText("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
                .getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void oneNulByteInTextMakesItNotText() {
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
        bytes[30] = 0;
        assertThat(isText(bytes)).isFalse();
        assertThat(isText(CSV.getBytes(StandardCharsets.UTF_16LE))).isFalse();
    }

    /** Plain text, judged by the content and never by a file name: what the import asks before it reads a line. */
    private static boolean isText(byte[] bytes) {
        return Spreadsheet.text(bytes) != null;
    }
}
