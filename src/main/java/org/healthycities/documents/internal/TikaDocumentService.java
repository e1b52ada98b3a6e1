package org.healthycities.documents.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.documents.UploadResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores an upload only when {@link TextExtractor} accepts it, whole, with its SHA-256, size, detected type,
 * language and text. The reading happens outside any transaction (it refuses to run inside one), so a slow
 * file holds no connection.
 */
@Service
class TikaDocumentService implements DocumentService {

    private final DocumentRepository documents;
    private final TextExtractor extractor;
    private final Clock clock;

    TikaDocumentService(DocumentRepository documents, TextExtractor extractor, Clock clock) {
        this.documents = documents;
        this.extractor = extractor;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean delete(Long id) {
        if (id == null || !documents.existsById(id)) {
            return false;
        }
        documents.deleteById(id);
        return true;
    }

    @Override
    public ReadUpload read(String filename, InputStream content) throws IOException {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An upload is read before the transaction opens, not inside it");
        }
        String name = safeName(filename);
        try {
            byte[] bytes = extractor.read(content);
            return ReadUpload.readable(name, bytes, extractor.extract(bytes));
        } catch (DocumentRefused refused) {
            return ReadUpload.refused(name, refused.result());
        }
    }

    @Override
    @Transactional
    public UploadResult store(String networkId, String ownerType, String ownerId, ReadUpload upload) {
        if (upload.refused().isPresent()) {
            return upload.refused().get();
        }
        TextExtractor.Extracted read = upload.extracted();
        byte[] bytes = upload.bytes();
        DocumentRecord record = new DocumentRecord();
        record.networkId = Objects.requireNonNull(networkId);
        record.ownerType = Objects.requireNonNull(ownerType);
        record.ownerId = Objects.requireNonNull(ownerId);
        record.filename = upload.filename();
        record.mediaType = read.mediaType();
        record.size = bytes.length;
        record.sha256 = sha256(bytes);
        record.language = read.language();
        record.extractedText = read.text();
        record.textTruncated = read.truncated();
        record.content = bytes;
        record.uploadedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // as DATETIME(6) keeps it
        return new UploadResult.Stored(documents.save(record).toStored());
    }

    @Override
    @Transactional
    public boolean transfer(Long id, String ownerType, String ownerId) {
        return documents.findById(id).map(d -> {
            d.ownerType = Objects.requireNonNull(ownerType);
            d.ownerId = Objects.requireNonNull(ownerId);
            return true;
        }).orElse(false);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredDocument> find(Long id) {
        return id == null ? Optional.empty() : documents.findStored(id);
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredDocument> findByOwner(String ownerType, String ownerId) {
        return documents.findStoredByOwner(ownerType, ownerId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<InputStream> content(Long id) {
        return id == null ? Optional.empty() : documents.findContent(id).map(ByteArrayInputStream::new);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> extractedText(Long id) {
        return id == null ? Optional.empty() : documents.findExtractedText(id);
    }

    /** The name as the person's computer had it, without any folder, control characters or excess length. */
    static String safeName(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() <= 255 ? name : name.substring(0, 200) + name.substring(name.length() - 55);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
