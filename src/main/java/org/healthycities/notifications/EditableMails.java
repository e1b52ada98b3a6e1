package org.healthycities.notifications;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Given by each feature whose mails a network may word itself (a bean; the mail texts page lists them all). */
@NamedInterface("editable-mails")
public interface EditableMails {

    List<EditableMail> editableMails();
}
