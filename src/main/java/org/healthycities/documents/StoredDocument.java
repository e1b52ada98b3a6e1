package org.healthycities.documents;

import java.time.Instant;

/** What other features see of an uploaded document: never the bytes, never the extracted text. */
public record StoredDocument(Long id, String networkId, String ownerType, String ownerId, String filename, String mediaType, long size,
                             String sha256, String language, Instant uploadedAt) {
}
