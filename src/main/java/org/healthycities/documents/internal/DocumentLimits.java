package org.healthycities.documents.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The hard limits on an upload ({@code hc.documents.*}); a property left out (null) takes the default here,
 * so tests can build limits with only the one they change.
 *
 * @param maxBytes     largest file accepted (default 20 MB)
 * @param maxChars     text kept from one file; more is cut off, not refused (default 2 million characters)
 * @param timeout      time for detection and extraction together (default 20 s)
 * @param maxDepth     levels of documents embedded in documents (default 3)
 * @param maxEmbedded  embedded documents in one file (default 200)
 * @param allowedTypes media types accepted, as Tika detects them from the content
 * @param parseThreads files read at the same time; more wait in a short queue (default 2)
 */
@ConfigurationProperties("hc.documents")
record DocumentLimits(DataSize maxBytes, Integer maxChars, Duration timeout, Integer maxDepth, Integer maxEmbedded,
                      List<String> allowedTypes, Integer parseThreads) {

    static final List<String> DEFAULT_TYPES = List.of("application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "image/png", "image/jpeg");

    DocumentLimits {
        maxBytes = maxBytes != null ? maxBytes : DataSize.ofMegabytes(20);
        maxChars = maxChars != null ? maxChars : 2_000_000;
        timeout = timeout != null ? timeout : Duration.ofSeconds(20);
        maxDepth = maxDepth != null ? maxDepth : 3;
        maxEmbedded = maxEmbedded != null ? maxEmbedded : 200;
        allowedTypes = allowedTypes != null && !allowedTypes.isEmpty() ? List.copyOf(allowedTypes) : DEFAULT_TYPES;
        parseThreads = parseThreads != null ? parseThreads : 2;
    }

    static DocumentLimits defaults() {
        return new DocumentLimits(null, null, null, null, null, null, null);
    }
}
