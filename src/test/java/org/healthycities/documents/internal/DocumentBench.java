package org.healthycities.documents.internal;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * How long Tika takes on a 10 MB text PDF: detection alone, and detection plus extraction through
 * {@link TextExtractor} with the default limits (the text stops at 2 million characters) and with the text
 * limit lifted (all of it). Not a test: run it as bench/README.md says.
 */
public final class DocumentBench {

    private static final int RUNS = 5;

    public static void main(String[] args) throws Exception {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 10L * 1024 * 1024;
        byte[] pdf = Corpus.bigPdf(target);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            System.out.printf("PDF: %,d bytes, %,d pages of text%n", pdf.length, doc.getNumberOfPages());
        }

        Detector detector = TikaConfig.getDefaultConfig().getDetector();
        report("detection", () -> {
            try (TikaInputStream in = TikaInputStream.get(pdf)) {
                return detector.detect(in, new Metadata()).toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (TextExtractor defaults = new TextExtractor(DocumentLimits.defaults());
             TextExtractor whole = new TextExtractor(new DocumentLimits(null, Integer.MAX_VALUE - 8,
                     java.time.Duration.ofMinutes(10), null, null, null, null))) {
            report("detection + extraction, default limits", () -> describe(defaults, pdf));
            report("detection + extraction, all the text", () -> describe(whole, pdf));
        }
    }

    private static String describe(TextExtractor extractor, byte[] pdf) {
        try {
            TextExtractor.Extracted read = extractor.extract(pdf);
            return "%,d characters%s, language %s".formatted(read.text().length(), read.truncated() ? " (cut off)" : "",
                    read.language());
        } catch (DocumentRefused e) {
            return "refused: " + e.result().messageKey();
        }
    }

    private static void report(String what, Supplier<String> run) {
        String result = run.get(); // warm-up
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            run.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-40s median %,6d ms of %d runs %s -> %s%n", what, millis[RUNS / 2], RUNS,
                Arrays.toString(millis), result);
    }
}
