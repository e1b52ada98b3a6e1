package org.healthycities.membership.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.healthycities.network.Member;
import org.healthycities.network.MemberStory;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A member's applications on its page: when, the reference, where each stands, and the decision document. */
@Component
class ApplicationsStory implements MemberStory {

    private final ApplicationRepository applications;
    private final NetworkClock time;

    ApplicationsStory(ApplicationRepository applications, NetworkClock time) {
        this.applications = applications;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public Chapter of(Member member) {
        List<Line> lines = new ArrayList<>();
        for (Application a : applications.findByNetworkIdAndMunicipalityCodeOrderBySubmittedAtDesc(
                member.getNetworkId(), member.getCode())) {
            LocalDate submitted = a.getSubmittedAt() == null ? null
                    : LocalDate.ofInstant(a.getSubmittedAt(), time.zone(member.getNetworkId()));
            lines.add(new Line(submitted, "membership.story.application", new Object[] {a.getReference()},
                    "membership.story.status." + a.getStatus(), null));
            if (a.getDecisionDocumentId() != null) {
                lines.add(new Line(a.getDecisionDate(), "membership.story.decision",
                        new Object[] {a.getDecisionBody() == null ? "" : a.getDecisionBody()}, null,
                        "/documents/" + a.getDecisionDocumentId()));
            }
        }
        return new Chapter(10, "membership.story.applications", lines);
    }
}
