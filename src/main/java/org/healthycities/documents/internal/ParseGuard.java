package org.healthycities.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One parse's budget: it keeps the text up to a number of characters, stops the parse when the time is up,
 * when documents nest too deeply or when a zip inflates like a bomb, and remembers which limit stopped it
 * (the exception a parser sees may be wrapped or swallowed on its way out, so the verdict comes from here).
 */
final class ParseGuard extends DefaultHandler {

    /** A zip may inflate to this many times its size (as Tika's and POI's own checks) … */
    private static final long MAX_INFLATE_RATIO = 100;
    /** … a small one to this much in any case … */
    private static final long INFLATE_GRACE = 10L * 1024 * 1024;
    /** … and none beyond this: POI holds an XLSX's shared strings in memory. */
    private static final long INFLATE_CEILING = 512L * 1024 * 1024;

    /** Thrown into the parser to end it early; its text means nothing to the caller. */
    static final class Stop extends SAXException {
        Stop(String reason) {
            super(reason);
        }
    }

    private final DocumentLimits limits;
    private final long deadlineNanos;
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private int embedded;
    private boolean truncated;
    private DocumentRefused refusal;

    ParseGuard(DocumentLimits limits, long deadlineNanos) {
        this.limits = limits;
        this.deadlineNanos = deadlineNanos;
    }

    static DocumentRefused timeout(DocumentLimits limits) {
        return new DocumentRefused("document.timeout", limits.timeout().toSeconds());
    }

    String text() {
        return text.toString();
    }

    /** The text limit was reached: the text is cut off there, and that is no error. */
    boolean truncated() {
        return truncated;
    }

    /** The limit (time, nesting, inflation) that refuses the file, or null. */
    DocumentRefused refusal() {
        return refusal;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        tick();
        int room = limits.maxChars() - text.length();
        text.append(ch, start, Math.min(room, length));
        if (length > room) {
            truncated = true;
            throw new Stop("text limit");
        }
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        tick();
    }

    /** Fails the parse when the time is up or the parsing thread was told to give up. */
    void tick() throws Stop {
        if (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted()) {
            stop(timeout(limits));
        }
    }

    private void stop(DocumentRefused reason) throws Stop {
        if (refusal == null) {
            refusal = reason;
        }
        throw new Stop(reason.getMessage());
    }

    /**
     * Inflates a zip (DOCX, XLSX, ODT, or one embedded in them) once, counting and forgetting the bytes, and
     * stops at a bomb. Needed because Tika turns POI's own zip bomb check off and its text ratio check comes
     * too late for a bomb of text (the text limit is reached first).
     */
    void checkInflation(TikaInputStream in) throws IOException, Stop {
        byte[] magic = new byte[4];
        if (in.peek(magic) < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            return;
        }
        Path file = in.getPath();
        long budget = Math.min(INFLATE_CEILING, Math.max(INFLATE_GRACE, MAX_INFLATE_RATIO * Files.size(file)));
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                try (InputStream entry = zip.getInputStream(entries.nextElement())) {
                    for (int n = entry.read(buffer); n > 0; n = entry.read(buffer)) {
                        budget -= n;
                        if (budget < 0) {
                            stop(new DocumentRefused("document.bomb"));
                        }
                        tick();
                    }
                }
            }
        }
    }

    /**
     * Tika's extractor for embedded documents, counting how deep they nest (too deep refuses the file) and how
     * many there are (beyond the limit the rest are skipped: a report with many pictures is fine), and checking
     * an embedded zip as the outer file.
     */
    ParsingEmbeddedDocumentExtractor embeddedExtractor(ParseContext context) {
        return new ParsingEmbeddedDocumentExtractor(context) {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return embedded < limits.maxEmbedded() && super.shouldParseEmbedded(metadata);
            }

            @Override
            public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                    throws SAXException, IOException {
                tick();
                if (embedded >= limits.maxEmbedded()) {
                    return;
                }
                embedded++;
                if (depth >= limits.maxDepth()) {
                    stop(new DocumentRefused("document.nested", limits.maxDepth()));
                }
                depth++;
                try (TikaInputStream in = TikaInputStream.get(CloseShieldInputStream.wrap(stream))) {
                    checkInflation(in);
                    super.parseEmbedded(in, handler, metadata, outputHtml);
                } finally {
                    depth--;
                }
            }
        };
    }
}
