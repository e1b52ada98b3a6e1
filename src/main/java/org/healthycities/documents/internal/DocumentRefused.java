package org.healthycities.documents.internal;

import java.util.List;
import org.healthycities.documents.UploadResult;

/** Why an upload is not taken: a message key of i18n/documents and its arguments. */
final class DocumentRefused extends Exception {

    private final transient UploadResult.Refused result;

    DocumentRefused(String messageKey, Object... args) {
        super(messageKey, null, false, false); // a refusal is an answer, not a fault: no stack trace
        this.result = new UploadResult.Refused(messageKey, List.of(args));
    }

    UploadResult.Refused result() {
        return result;
    }
}
