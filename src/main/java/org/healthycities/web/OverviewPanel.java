package org.healthycities.web;

import java.util.List;
import java.util.Optional;
import org.healthycities.security.CurrentUser;

/**
 * One part of the staff's overview on {@code /home}, given by the feature that knows it (tasks, applications, the
 * evaluation round, workshops, mails): features implement it as a bean, so this package depends on none of them.
 * Texts are message keys with arguments, said in the reader's language by the page.
 */
public interface OverviewPanel {

    /** A panel: its place, heading, a page with all of it, its rows (the first ones matter most). */
    record Panel(int order, String titleKey, String href, List<Row> rows, String emptyKey) {
    }

    /** A row; {@code attention} marks what is late or failed. */
    record Row(String messageKey, Object[] args, String href, boolean attention) {
    }

    /** The panel for this person, or none when the person may not see it (e.g. the board and failed mails). */
    Optional<Panel> panel(CurrentUser user);
}
