package org.healthycities.notifications;

import java.util.List;
import java.util.Optional;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.OverviewPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The overview's mails that could not be sent; the admin can retry them in the outbox. */
@Component
class OutboxOverview implements OverviewPanel {

    private final OutboxRepository outbox;
    private final NetworkDirectory networks;

    OutboxOverview(OutboxRepository outbox, NetworkDirectory networks) {
        this.outbox = outbox;
        this.networks = networks;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(CurrentUser user) {
        if (!user.isAdmin() && !user.inGroup(CurrentUser.SECRETARIAT)) {
            return Optional.empty();
        }
        var visible = networks.visibleTo(user);
        long failed = visible.isEmpty() ? 0 : outbox.countByStatusAndNetworkIdIn(MailStatus.FAILED, visible);
        String href = user.isAdmin() ? "/admin/outbox" : null;
        List<Row> rows = failed == 0 ? List.of()
                : List.of(new Row("notifications.overview.failed", new Object[] {failed}, href, true));
        return Optional.of(new Panel(50, "notifications.overview.title", href, rows, "notifications.overview.none"));
    }
}
