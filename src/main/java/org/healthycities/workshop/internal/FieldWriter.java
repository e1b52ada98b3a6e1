package org.healthycities.workshop.internal;

/**
 * Who saves a field and where, read in one statement for the save path: the participant, their session as it
 * stands, and the question, or null when it is not on that session's sheets (removed, or another session's).
 */
record FieldWriter(Participant participant, WorkshopSession session, Question question) {

    FieldWriter(Participant participant, WorkshopSession session, Question question, Long assignmentInSession) {
        this(participant, session, assignmentInSession == null ? null : question);
    }
}
