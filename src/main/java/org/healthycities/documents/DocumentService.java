package org.healthycities.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Uploads, checked by content and read by Apache Tika within hard limits, stored in the database.
 * The public API other features use; see {@link TikaDocumentService} for how, {@link DocumentDownloads} to send
 * one to a browser. The limits are set by {@code hc.documents.*} (see {@code DocumentLimits}).
 */
public interface DocumentService {

    /**
     * Checks and stores an upload for a record of another feature (e.g. ownerType "application", ownerId "42")
     * in a network (whose secretariat may then find and download it).
     * Never throws for bad content: a renamed executable, a zip bomb, an encrypted or corrupt file or one over
     * the size limit comes back as {@link UploadResult.Refused}.
     */
    UploadResult store(String networkId, String ownerType, String ownerId, String filename, InputStream content) throws IOException;

    Optional<StoredDocument> find(Long id);

    /** The documents stored for a record of another feature (e.g. "application", "42"), oldest first. */
    List<StoredDocument> findByOwner(String ownerType, String ownerId);

    /** The bytes, for a download that the caller has already checked the person may make. */
    Optional<InputStream> content(Long id);

    /** Deletes the document (e.g. when data protection removes an applicant's upload); false if it did not exist. */
    boolean delete(Long id);

    /** The text Tika extracted (possibly empty), for search and reports. */
    Optional<String> extractedText(Long id);
}
