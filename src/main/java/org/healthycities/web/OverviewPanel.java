package org.healthycities.web;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /** The panel of these networks (the ones the person may see, never empty), or none. */
    Optional<Panel> panel(CurrentUser user, Set<String> networks);

    /** Whether only the secretariat and the admin see the panel (the board sees its tasks, not the network's work). */
    default boolean staffOnly() {
        return true;
    }
}
