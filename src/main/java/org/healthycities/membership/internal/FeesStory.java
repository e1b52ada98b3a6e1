package org.healthycities.membership.internal;

import java.util.ArrayList;
import java.util.List;
import org.healthycities.network.Member;
import org.healthycities.network.MemberStory;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A member's fee in each year of its membership (the last ten), each by the rule in force that year. */
@Component
class FeesStory implements MemberStory {

    static final int YEARS = 10;

    private final Fees fees;
    private final NetworkClock time;

    FeesStory(Fees fees, NetworkClock time) {
        this.fees = fees;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public Chapter of(Member member) {
        List<Line> lines = new ArrayList<>();
        int thisYear = time.today(member.getNetworkId()).getYear();
        int first = member.getJoinedOn() == null ? thisYear
                : Math.max(member.getJoinedOn().getYear(), thisYear - YEARS + 1);
        List<FeeRule> rules = fees.rules(member.getNetworkId());
        for (int year = thisYear; year >= first; year--) {
            var rule = Fees.inForce(rules, year);
            if (rule.isEmpty()) {
                continue;
            }
            lines.add(member.getPopulation() == null
                    ? new Line(null, "membership.story.fee.noPopulation", new Object[] {year}, null, null)
                    : new Line(null, "membership.story.fee", new Object[] {year,
                    rule.get().feeFor(member.getPopulation(), member.getKind()), rule.get().getCurrency(),
                    rule.get().getFirstYear()}, null, null));
        }
        return new Chapter(30, "membership.story.fees", lines);
    }
}
