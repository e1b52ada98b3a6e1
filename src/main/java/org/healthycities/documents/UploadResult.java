package org.healthycities.documents;

import java.util.List;

/** An upload is stored whole, or refused with a reason in the person's language (a message key and its arguments). */
public sealed interface UploadResult {

    record Stored(StoredDocument document) implements UploadResult {
    }

    record Refused(String messageKey, List<Object> args) implements UploadResult {
        public Refused(String messageKey) {
            this(messageKey, List.of());
        }
    }
}
