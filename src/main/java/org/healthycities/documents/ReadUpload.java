package org.healthycities.documents;

import java.util.Optional;
import org.healthycities.documents.internal.TextExtractor;

/**
 * An upload read and checked by {@link DocumentService#read}, not yet stored: either readable (its bytes and
 * text) or refused with the reason. Reading may wait for a parse thread for seconds, so it happens before the
 * caller's transaction opens; storing it inside that transaction is then one insert.
 */
public final class ReadUpload {

    private final String filename;
    private final byte[] bytes;
    private final TextExtractor.Extracted extracted;
    private final UploadResult.Refused refused;

    private ReadUpload(String filename, byte[] bytes, TextExtractor.Extracted extracted, UploadResult.Refused refused) {
        this.filename = filename;
        this.bytes = bytes;
        this.extracted = extracted;
        this.refused = refused;
    }

    // The factories and the bytes and text are public for the documents' own service (documents.internal);
    // other features only ask for the name and whether it was refused.

    public static ReadUpload readable(String filename, byte[] bytes, TextExtractor.Extracted extracted) {
        return new ReadUpload(filename, bytes, extracted, null);
    }

    public static ReadUpload refused(String filename, UploadResult.Refused refused) {
        return new ReadUpload(filename, null, null, refused);
    }

    /** The name as the person's computer had it, made safe to show and store. */
    public String filename() {
        return filename;
    }

    public Optional<UploadResult.Refused> refused() {
        return Optional.ofNullable(refused);
    }

    public byte[] bytes() {
        return bytes;
    }

    public TextExtractor.Extracted extracted() {
        return extracted;
    }
}
