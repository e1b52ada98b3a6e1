package org.healthycities.membership.internal;

import java.util.List;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;

/** The application's own history rows (the step indicator's dates and the secretariat's history panel). */
@Component
class History {

    private final HistoryRepository rows;
    private final NetworkClock time;

    History(HistoryRepository rows, NetworkClock time) {
        this.time = time;
        this.rows = rows;
    }

    void record(Application application, String kind, String actor, String detail) {
        String cut = detail == null || detail.isBlank() ? null
                : detail.length() > 4000 ? detail.substring(0, 3999) + "…" : detail.strip();
        rows.save(new HistoryEntry(application.getId(), time.now(), kind, actor, cut));
    }

    /** How often a mail template was sent for the application (its "MAIL" rows, see {@link MembershipMail}). */
    long mailsSent(Application application, String template) {
        return rows.countByApplicationIdAndKindAndDetailStartingWith(application.getId(), "MAIL", template + " → ");
    }

    List<HistoryEntry> of(Application application) {
        return rows.findByApplicationIdOrderByOccurredAtAscIdAsc(application.getId());
    }
}
