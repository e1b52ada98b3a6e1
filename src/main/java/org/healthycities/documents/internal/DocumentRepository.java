package org.healthycities.documents.internal;

import java.util.List;
import java.util.Optional;
import org.healthycities.documents.StoredDocument;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DocumentRepository extends JpaRepository<DocumentRecord, Long> {

    String STORED = """
            select new org.healthycities.documents.StoredDocument(d.id, d.networkId, d.ownerType, d.ownerId, d.filename,
                d.mediaType, d.size, d.sha256, d.language, d.uploadedAt) from DocumentRecord d\s""";

    @Query(STORED + "where d.id = :id")
    Optional<StoredDocument> findStored(Long id);

    @Query(STORED + "where d.ownerType = :ownerType and d.ownerId = :ownerId order by d.uploadedAt, d.id")
    List<StoredDocument> findStoredByOwner(String ownerType, String ownerId);

    @Query("select d.content from DocumentRecord d where d.id = :id")
    Optional<byte[]> findContent(Long id);

    @Query("select coalesce(d.extractedText, '') from DocumentRecord d where d.id = :id")
    Optional<String> findExtractedText(Long id);
}
