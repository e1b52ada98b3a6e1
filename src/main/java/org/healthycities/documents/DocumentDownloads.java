package org.healthycities.documents;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.healthycities.security.NotFound;

/**
 * Sends a stored document as a download, for this feature's page and for any other feature with its own rule
 * of who may download (e.g. an applicant with a private link): always as an attachment, with the type Tika
 * detected and nosniff, so a browser never renders or guesses it. A document the rule refuses is "not found",
 * exactly as a missing one, so ids cannot be probed.
 */
@Component
public class DocumentDownloads {

    private final DocumentService documents;

    DocumentDownloads(DocumentService documents) {
        this.documents = documents;
    }

    /** The download of document {@code id} if {@code allowed} accepts it; else a 404 (ResponseStatusException). */
    public ResponseEntity<InputStreamResource> download(Long id, Predicate<StoredDocument> allowed) {
        StoredDocument document = documents.find(id).filter(allowed).orElseThrow(NotFound::notFound);
        var content = documents.content(id).orElseThrow(NotFound::notFound);
        withoutCharset();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(document.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(content));
    }

    /** The forced UTF-8 response encoding (server.servlet.encoding.force) would add ";charset=UTF-8" to a PDF's type. */
    private static void withoutCharset() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request && request.getResponse() != null) {
            request.getResponse().setCharacterEncoding((String) null);
        }
    }

}
