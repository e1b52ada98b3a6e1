package org.healthycities.documents.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Test files, good and bad, made on the fly (no binary files in the repository): real PDF, DOCX, XLSX, ODT,
 * PNG, JPEG, and the bad corpus: renamed executables and zips, zip bombs, billion laughs, encrypted and
 * truncated PDFs, nested documents. Each stays small in memory however big it claims to be inside.
 */
final class Corpus {

    static final String DANISH = """
            Tårnby Kommune tiltrædelsesdokument. Kommunalbestyrelsen i Tårnby Kommune har besluttet at tiltræde \
            Sund By Netværket og arbejde for sundhed og trivsel for alle borgere. Kommunen vil følge netværkets \
            strategi og pejlemærker, deltage i årsmødet og temagrupperne og hvert år rapportere om den rullende \
            handleplan. Vi lægger vægt på at mindske uligheden i sundhed og på at verdensmålene samler os.""";
    static final String SWEDISH = """
            Kommunfullmäktige i Umeå kommun har beslutat att gå med i Healthy Cities Sverige och arbeta för hälsa \
            och välbefinnande för alla invånare. Kommunen följer nätverkets strategi och rapporterar varje år om \
            sin handlingsplan.""";
    static final String NORWEGIAN = """
            Kommunestyret i Bærum kommune har vedtatt å bli med i Sunne kommuner og arbeide for folkehelse og \
            trivsel for alle innbyggere. Kommunen følger nettverkets strategi og rapporterer hvert år om \
            handlingsplanen sin.""";
    static final String ENGLISH = """
            The municipal council has decided to join the Healthy Cities network and to work for health and \
            wellbeing for all citizens, following the network's strategy and reporting on its action plan every year.""";
    static final String POLISH = """
            Rada gminy postanowiła przystąpić do sieci Zdrowych Miast i pracować na rzecz zdrowia i dobrostanu \
            wszystkich mieszkańców, zgodnie ze strategią sieci.""";

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml";

    private Corpus() {
    }

    // ---- good files ----

    /** A text PDF, the paragraphs wrapped over as many A4 pages as they need. */
    static byte[] pdf(String... paragraphs) {
        return pdf(true, paragraphs);
    }

    static byte[] pdf(boolean compress, String... paragraphs) {
        try (PDDocument doc = new PDDocument()) {
            writePages(doc, compress, paragraphs);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pages and pages of Danish text, uncompressed, until the PDF is about {@code bytes} large. */
    static byte[] bigPdf(long bytes) {
        int sample = 200;
        long perParagraph = pdf(false, paragraphs(sample)).length / sample;
        return pdf(false, paragraphs((int) (bytes / perParagraph)));
    }

    private static String[] paragraphs(int count) {
        String[] paragraphs = new String[count];
        for (int i = 0; i < count; i++) {
            paragraphs[i] = "Afsnit " + (i + 1) + ". " + DANISH;
        }
        return paragraphs;
    }

    /** A PDF that only opens with a password. */
    static byte[] encryptedPdf(String text) {
        try (PDDocument doc = new PDDocument()) {
            writePages(doc, true, text);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            doc.protect(policy);
            return save(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(String text) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Ark1").createRow(0).createCell(0).setCellValue(text);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OpenDocument text: the mimetype entry first and stored, as the format requires. */
    static byte[] odt(String text) {
        String odtType = "application/vnd.oasis.opendocument.text";
        return zip(true,
                entry("mimetype", odtType),
                entry("META-INF/manifest.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                         <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
                         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                        </manifest:manifest>""".formatted(odtType)),
                entry("content.xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                         <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                        </office:document-content>""".formatted(text)));
    }

    static byte[] png() {
        return image("png");
    }

    static byte[] jpeg() {
        return image("jpeg");
    }

    // ---- bad files ----

    /** The start of a Linux executable (ELF header of an x86-64 program), padded. */
    static byte[] elf() {
        byte[] b = new byte[4096];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, b, 0, header.length);
        return b;
    }

    /** The start of a Windows executable: "MZ", and at 0x3c the offset of the "PE" header. */
    static byte[] windowsExe() {
        byte[] b = new byte[4096];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3c] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }

    /** A plain zip archive (with a text file in it). */
    static byte[] zip() {
        return zip(false, entry("readme.txt", "Ikke et Word-dokument"));
    }

    /** A zip in a zip in a zip …, {@code depth} levels. */
    static byte[] nestedZip(int depth) {
        byte[] inner = zip();
        for (int i = 0; i < depth; i++) {
            inner = zip(false, new Entry("level" + i + ".zip", inner));
        }
        return inner;
    }

    /** A DOCX (by its parts, as Tika detects it) whose word/document.xml inflates to about {@code inflated} bytes of text. */
    static byte[] docxBomb(long inflated) {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W + "\"><w:body>";
        String tail = "</w:body></w:document>";
        byte[] paragraph = ("<w:p><w:r><w:t>" + "lol ".repeat(250) + "</w:t></w:r></w:p>").getBytes(StandardCharsets.US_ASCII);
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            writeEntries(zip, false, docxParts(null));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < inflated; written += paragraph.length) {
                zip.write(paragraph); // streamed: the inflated text is never in memory, only its compressed form
            }
            zip.write(tail.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DOCX whose document.xml declares the "billion laughs" entities (10^9 "lol"s from a few hundred bytes). */
    static byte[] billionLaughsDocx() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [" + dtd + "]>"
                + "<w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        return docxOf(xml, null);
    }

    /** A DOCX that embeds a DOCX that embeds a DOCX …, {@code depth} levels below the outer one. */
    static byte[] nestedDocx(int depth) {
        byte[] doc = docxOf(documentXml("Niveau " + depth), null);
        for (int level = depth - 1; level >= 0; level--) {
            doc = docxOf(documentXml("Niveau " + level), doc);
        }
        return doc;
    }

    /** A DOCX with another file embedded in it (as a "package" part, the way Word embeds a document). */
    static byte[] docxEmbedding(byte[] embedded) {
        return docxOf(documentXml("Bilag"), embedded);
    }

    static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    // ---- building blocks ----

    record Entry(String name, byte[] data) {
    }

    static Entry entry(String name, String text) {
        return new Entry(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] zip(boolean firstStored, Entry... entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            writeEntries(zip, firstStored, List.of(entries));
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeEntries(ZipOutputStream zip, boolean firstStored, List<Entry> entries) throws IOException {
        for (Entry e : entries) {
            ZipEntry entry = new ZipEntry(e.name());
            if (firstStored && e == entries.get(0)) {
                CRC32 crc = new CRC32();
                crc.update(e.data());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(e.data().length);
                entry.setCrc(crc.getValue());
            }
            zip.putNextEntry(entry);
            zip.write(e.data());
            zip.closeEntry();
        }
    }

    private static String documentXml(String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"" + W + "\"><w:body><w:p><w:r><w:t>"
                + text + "</w:t></w:r></w:p></w:body></w:document>";
    }

    private static byte[] docxOf(String documentXml, byte[] embedded) {
        List<Entry> entries = new ArrayList<>(docxParts(embedded));
        entries.add(entry("word/document.xml", documentXml));
        return zip(false, entries.toArray(Entry[]::new));
    }

    /** The parts of a DOCX besides word/document.xml; with an embedded DOCX as a "package" part when given. */
    private static List<Entry> docxParts(byte[] embedded) {
        List<Entry> parts = new ArrayList<>(List.of(
                entry("[Content_Types].xml", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                         <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                         <Default Extension="xml" ContentType="application/xml"/>
                         <Default Extension="docx" ContentType="%1$s.document"/>
                         <Override PartName="/word/document.xml" ContentType="%1$s.document.main+xml"/>
                        </Types>""".formatted(DOCX_TYPE)),
                entry("_rels/.rels", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                         <Relationship Id="rId1" Target="word/document.xml" \
                        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                        </Relationships>""")));
        if (embedded != null) {
            parts.add(entry("word/_rels/document.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                     <Relationship Id="rId9" Target="embeddings/inner.docx" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"/>
                    </Relationships>"""));
            parts.add(new Entry("word/embeddings/inner.docx", embedded));
        }
        return parts;
    }

    private static void writePages(PDDocument doc, boolean compress, String... paragraphs) throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            lines.addAll(wrap(paragraph, 90));
            lines.add("");
        }
        int perPage = 50;
        for (int start = 0; start < lines.size(); start += perPage) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, compress)) {
                content.beginText();
                content.setFont(font, 10);
                content.setLeading(14);
                content.newLineAtOffset(50, 790);
                for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
