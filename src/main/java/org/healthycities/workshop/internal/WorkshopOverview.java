package org.healthycities.workshop.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.Dates;
import org.healthycities.web.OverviewPanel;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The overview's next workshops of the person's networks, soonest first. */
@Component
class WorkshopOverview implements OverviewPanel {

    private static final int SHOWN = 5;

    private final WorkshopRepository workshops;
    private final NetworkClock time;

    WorkshopOverview(WorkshopRepository workshops, NetworkClock time) {
        this.workshops = workshops;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(CurrentUser user, Set<String> visible) {
        List<Row> rows = workshops.findByNetworkIdInAndTemplateOrderByStartsOnDescIdDesc(visible, false).stream()
                .filter(w -> w.getStartsOn() != null && !w.getStartsOn().isBefore(time.today(w.getNetworkId())))
                .sorted(Comparator.comparing(Workshop::getStartsOn)).limit(SHOWN)
                .map(w -> new Row("workshop.overview.next", new Object[] {w.getTitle(),
                        Dates.date(w.getStartsOn(),
                                LocaleContextHolder.getLocale())},
                        "/workshops/" + w.getId(), false))
                .toList();
        return Optional.of(new Panel(40, "workshop.overview.title", "/workshops", rows, "workshop.overview.none"));
    }
}
