package org.healthycities.evaluation.internal;

import java.util.List;
import org.healthycities.network.Member;
import org.healthycities.network.MemberStory;
import org.springframework.stereotype.Component;

/** A member's evaluation in each year: where it stands and how many activities it reported. */
@Component
class EvaluationsStory implements MemberStory {

    private final ReportService reports;

    EvaluationsStory(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public Chapter of(Member member) {
        List<Line> lines = reports.memberHistory(member.getId()).stream()
                .map(row -> new Line(null, "evaluation.story.year", new Object[] {row.year(), row.activities()},
                        "evaluation.status." + row.status(), "/evaluations/" + row.evaluationId()))
                .toList();
        return new Chapter(20, "evaluation.story.title", lines);
    }
}
