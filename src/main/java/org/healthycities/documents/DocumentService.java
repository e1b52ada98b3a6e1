package org.healthycities.documents;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads, checked by content and read by Apache Tika within hard limits, stored in the database.
 * The public API other features use; see the internal {@code TikaDocumentService} for how,
 * {@link DocumentDownloads} to send one to a browser. The limits are set by {@code hc.documents.*} (see
 * {@code DocumentLimits}).
 */
public interface DocumentService {

    /**
     * Reads and checks an upload by its content, without storing it. Call it before a transaction opens (it
     * refuses to run inside one): a large or slow file must not hold a database connection while it is parsed.
     * Never throws for bad content: a renamed executable, a zip bomb, an encrypted or corrupt file or one over
     * the size limit comes back refused.
     */
    ReadUpload read(String filename, InputStream content) throws IOException;

    /** {@link #read(String, InputStream)} for a file of a multipart request. */
    default ReadUpload read(MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return read(file.getOriginalFilename(), in);
        }
    }

    /**
     * Stores a read upload for a record of another feature (e.g. ownerType "application", ownerId "42") in a
     * network (whose secretariat may then find and download it), inside the caller's transaction if there is
     * one. A refused upload comes back as {@link UploadResult.Refused} and nothing is stored.
     */
    UploadResult store(String networkId, String ownerType, String ownerId, ReadUpload upload);

    /** Reads and stores in one step, for a caller outside any transaction. */
    default UploadResult store(String networkId, String ownerType, String ownerId, String filename, InputStream content)
            throws IOException {
        return store(networkId, ownerType, ownerId, read(filename, content));
    }

    Optional<StoredDocument> find(Long id);

    /**
     * The owner type of an upload kept across a refused form ("pending-" + the owner type it will have), so the
     * person need not choose the file again; it is not a record's document yet, so the secretariat's search
     * does not list it. {@link #transfer} gives it to its record when the form goes through.
     */
    String PENDING = "pending-";

    /**
     * Gives a stored document to another record (e.g. a pending upload becomes the application's decision
     * document), inside the caller's transaction if there is one; false if it does not exist.
     */
    boolean transfer(Long id, String ownerType, String ownerId);

    /** The documents stored for a record of another feature (e.g. "application", "42"), oldest first. */
    List<StoredDocument> findByOwner(String ownerType, String ownerId);

    /** The bytes, for a download that the caller has already checked the person may make. */
    Optional<InputStream> content(Long id);

    /** Deletes the document (e.g. when data protection removes an applicant's upload); false if it did not exist. */
    boolean delete(Long id);

    /** The text Tika extracted (possibly empty), for search and reports. */
    Optional<String> extractedText(Long id);
}
