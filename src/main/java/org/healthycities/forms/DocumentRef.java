package org.healthycities.forms;

/** An upload field's answer: the stored document (see DocumentService) and its file name. */
public record DocumentRef(long documentId, String filename) {

    @Override
    public String toString() {
        return filename;
    }
}
