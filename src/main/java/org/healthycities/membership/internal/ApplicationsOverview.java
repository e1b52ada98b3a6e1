package org.healthycities.membership.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.OverviewPanel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's applications in progress, by where they stand; those waiting for the applicant have no task, so
 * this is where the secretariat sees them.
 */
@Component
class ApplicationsOverview implements OverviewPanel {

    private final ApplicationRepository applications;

    ApplicationsOverview(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Panel> panel(CurrentUser user, Set<String> visible) {
        List<Row> rows = new ArrayList<>();
        for (Object[] statusCount : applications.countOpenByStatus(visible, Onboarding.OPEN)) {
            ApplicationStatus status = (ApplicationStatus) statusCount[0];
            rows.add(new Row("membership.overview." + status, new Object[] {statusCount[1]},
                    "/membership/applications?status=" + status, false));
        }
        return Optional.of(new Panel(20, "membership.overview.title", "/membership/applications", rows,
                "membership.overview.none"));
    }
}
