package org.healthycities.notifications.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.notifications.MailStatus;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.OverviewPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The overview's mails that could not be sent; the admin can retry them in the outbox. */
@Component
class OutboxOverview implements OverviewPanel {

    private final OutboxRepository outbox;

    OutboxOverview(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(CurrentUser user, Set<String> visible) {
        long failed = outbox.countByStatusAndNetworkIdIn(MailStatus.FAILED, visible);
        String href = user.isAdmin() ? "/admin/outbox" : null;
        List<Row> rows = failed == 0 ? List.of()
                : List.of(new Row("notifications.overview.failed", new Object[] {failed}, href, true));
        return Optional.of(new Panel(50, "notifications.overview.title", href, rows, "notifications.overview.none"));
    }
}
