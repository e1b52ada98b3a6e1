package org.healthycities.documents.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.healthycities.documents.StoredDocument;

/**
 * A stored upload with what Tika read from it. Loaded whole only when saved: reads go through the
 * repository's projections, so a list never pulls the bytes or the text.
 */
@Entity
@Table(name = "document")
class DocumentRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String networkId;
    String ownerType;
    String ownerId;
    String filename;
    String mediaType;
    long size;
    String sha256;
    String language;
    @Column(columnDefinition = "LONGTEXT")
    String extractedText;
    boolean textTruncated;
    @Column(columnDefinition = "LONGBLOB")
    byte[] content;
    Instant uploadedAt;

    StoredDocument toStored() {
        return new StoredDocument(id, networkId, ownerType, ownerId, filename, mediaType, size, sha256, language, uploadedAt);
    }
}
