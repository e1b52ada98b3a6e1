package org.healthycities.workshop.internal;

/**
 * One field of a group's sheet as a save left it ({@code SaveResult<SheetField>}): the saved text and its version,
 * and the open conflict that keeps the text the save could not write (null when it was written).
 */
record SheetField(int version, String text, FieldConflict refused) {

    /** The field's name on the sheet's page, and in a save's refusal or conflict. */
    static String key(Long questionId) {
        return "q" + questionId;
    }
}
