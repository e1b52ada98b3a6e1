package org.healthycities.workshop.internal;

/**
 * Who saves a field and where, read in one statement for the save path: the participant, their session as it
 * stands, the question, or null when it is not on that session's sheets (removed, or another session's), and the
 * id of the field on the group's sheet (null before the sheets are made), so the save writes it by its key.
 */
record FieldWriter(Participant participant, WorkshopSession session, Question question, Long answerId) {

    FieldWriter(Participant participant, WorkshopSession session, Question question, Long assignmentInSession,
                Long answerId) {
        this(participant, session, assignmentInSession == null ? null : question, answerId);
    }
}
