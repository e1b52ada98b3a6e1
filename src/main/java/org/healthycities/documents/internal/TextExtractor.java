package org.healthycities.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.util.function.SingletonSupplier;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an upload with Apache Tika within hard limits: size, type by content (never by name), time, text
 * kept, nesting of embedded documents. A file that breaks a limit, or that Tika cannot read, comes back as
 * a {@link DocumentRefused} naming the reason, in seconds, without taking the application down.
 */
@Component
public class TextExtractor implements AutoCloseable {

    /** What Tika read from an accepted file; {@code language} is null when it could not be told. */
    public record Extracted(String mediaType, String text, boolean truncated, String language) {
    }

    private static final Logger log = LoggerFactory.getLogger(TextExtractor.class);
    /** Bombs that Tika (SecureContentHandler) and POI (ZipSecureFile) and the XML parser report only in words. */
    private static final Pattern BOMB = Pattern.compile("(?i)zip bomb|entity expansion|entityexpansion|JAXP0001");
    /** Language detection needs a few thousand characters, not the whole text. */
    private static final int LANGUAGE_SAMPLE = 10_000;

    private final DocumentLimits limits;
    private final Set<String> allowed;
    private final String allowedNames;
    // Tika's parsers and the language models take seconds to load: not on the start's
    // path, but loaded in the background once the application is ready (or by the first upload, if sooner)
    private final SingletonSupplier<AutoDetectParser> parser = SingletonSupplier.of(DetectedTypeParser::new);
    private final ThreadPoolExecutor executor;
    /** One per parse thread: an upload holds one while it is read, a burst waits here in turn. */
    private final Semaphore slots;
    private final SingletonSupplier<DocumentLanguages> languages = SingletonSupplier.of(DocumentLanguages::new);

    TextExtractor(DocumentLimits limits) {
        this.limits = limits;
        this.allowed = Set.copyOf(limits.allowedTypes());
        this.allowedNames = limits.allowedTypes().stream().map(TextExtractor::shortName).collect(Collectors.joining(", "));
        this.slots = new Semaphore(limits.parseThreads(), true);
        AtomicInteger threadNumber = new AtomicInteger();
        // a bounded pool and queue: a burst of uploads waits or is turned away, it never starts unbounded parses
        this.executor = new ThreadPoolExecutor(limits.parseThreads(), limits.parseThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.parseThreads() * 4), r -> {
                    Thread t = new Thread(r, "document-parse-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadParsersInTheBackground() {
        Thread loading = new Thread(() -> {
            parser.obtain();
            languages.obtain();
        }, "document-parsers-load");
        loading.setDaemon(true);
        loading.setPriority(Thread.MIN_PRIORITY);
        loading.start();
    }

    /** Reads an upload, at most one byte over the limit: an empty or too large file is refused here. */
    byte[] read(InputStream in) throws IOException, DocumentRefused {
        long max = limits.maxBytes().toBytes();
        byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        if (bytes.length == 0) {
            throw new DocumentRefused("document.empty");
        }
        if (bytes.length > max) {
            throw new DocumentRefused("document.tooLarge", max / (1024.0 * 1024.0));
        }
        return bytes;
    }

    /**
     * Detects the type of the bytes and extracts their text and language, within the time limit. A burst of
     * uploads (200 applications at once) waits in turn for a parse thread, up to the time limit, rather than
     * being turned away at once: a good file refused as "busy" would cost the applicant a new upload.
     */
    Extracted extract(byte[] bytes) throws DocumentRefused {
        try {
            if (!slots.tryAcquire(limits.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DocumentRefused("document.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentRefused("document.busy");
        }
        try {
            return extractInSlot(bytes);
        } finally {
            slots.release();
        }
    }

    private Extracted extractInSlot(byte[] bytes) throws DocumentRefused {
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        Future<Extracted> task;
        try {
            task = executor.submit(() -> detectAndParse(bytes, deadline));
        } catch (RejectedExecutionException e) {
            throw new DocumentRefused("document.busy"); // parses past their time limit still hold the threads
        }
        try {
            // a second's grace lets the parse notice the deadline itself and say which limit it hit
            return task.get(limits.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true); // the guard sees the interrupt; a parser that never looks is left to finish alone
            throw ParseGuard.timeout(limits);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw ParseGuard.timeout(limits);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DocumentRefused refused) {
                throw refused;
            }
            log.warn("Could not read an upload: {}", String.valueOf(e.getCause()));
            throw new DocumentRefused("document.unreadable");
        }
    }

    private Extracted detectAndParse(byte[] bytes, long deadline) throws DocumentRefused, IOException {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            in.getPath(); // spooled to a temp file: a zip is then read in place, by its directory, never inflated whole
            String type = parser.obtain().getDetector().detect(in, new Metadata()).getBaseType().toString(); // no file name given
            if (!allowed.contains(type)) {
                throw new DocumentRefused("document.type", type, allowedNames);
            }
            return parse(in, type, deadline);
        }
    }

    private Extracted parse(TikaInputStream in, String type, long deadline) throws DocumentRefused {
        ParseGuard guard = new ParseGuard(limits, deadline);
        Throwable failure = null;
        try {
            guard.checkInflation(in);
            Metadata metadata = new Metadata();
            metadata.set(DetectedTypeParser.DETECTED, type); // detected above: Tika need not read the magic again
            parser.obtain().parse(in, new BodyContentHandler(guard), metadata, context(guard));
        } catch (Exception | StackOverflowError e) {
            failure = e;
        }
        if (guard.refusal() != null) {
            throw guard.refusal();
        }
        if (failure != null && !guard.truncated()) {
            throw refusal(failure);
        }
        String text = guard.text().strip();
        return new Extracted(type, text, guard.truncated(), language(text));
    }

    private ParseContext context(ParseGuard guard) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser.obtain());
        context.set(EmbeddedDocumentExtractor.class, guard.embeddedExtractor(context));
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true); // streams document.xml instead of loading it whole (XmlBeans)
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true); // no OCR: it would take minutes where a server has tesseract installed
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /** The reason Tika failed, in the person's terms. */
    private static DocumentRefused refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException) {
                return new DocumentRefused("document.encrypted");
            }
            if (t instanceof ZeroByteFileException) {
                return new DocumentRefused("document.empty");
            }
            if (t instanceof TikaMemoryLimitException
                    || (t.getMessage() != null && BOMB.matcher(t.getMessage()).find())) {
                return new DocumentRefused("document.bomb");
            }
        }
        if (failure instanceof Error) {
            log.warn("Could not read an upload: {}", String.valueOf(failure));
            return new DocumentRefused("document.unreadable");
        }
        return new DocumentRefused("document.corrupt");
    }

    private String language(String text) {
        if (text.isBlank()) {
            return null;
        }
        return languages.obtain().of(text.length() > LANGUAGE_SAMPLE ? text.substring(0, LANGUAGE_SAMPLE) : text);
    }

    /** "PDF", "DOCX", … for a media type, as people know file types. */
    static String shortName(String mediaType) {
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtension();
            return extension.isEmpty() ? mediaType : extension.substring(1).toUpperCase(Locale.ROOT);
        } catch (MimeTypeException e) {
            return mediaType;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
