package org.healthycities.notifications;

import java.util.List;

/** Given by each feature whose mails a network may word itself (a bean; the mail texts page lists them all). */
public interface EditableMails {

    List<EditableMail> editableMails();
}
