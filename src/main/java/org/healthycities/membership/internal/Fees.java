package org.healthycities.membership.internal;

import java.util.List;
import java.util.Optional;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;

/** The fee an applicant would pay by its network's rule. */
@Component
class Fees {

    private final FeeRuleRepository rules;
    private final NetworkClock time;

    Fees(FeeRuleRepository rules, NetworkClock time) {
        this.rules = rules;
        this.time = time;
    }

    /** The rule in force this year in the network (its own calendar). */
    Optional<FeeRule> rule(String networkId) {
        return rule(networkId, time.today(networkId).getYear());
    }

    /** The newest rule from the year or before. */
    Optional<FeeRule> rule(String networkId, int year) {
        return inForce(rules.findByNetworkIdOrderByFirstYearDesc(networkId), year);
    }

    /** The network's rules, newest first, read once for several years. */
    List<FeeRule> rules(String networkId) {
        return rules.findByNetworkIdOrderByFirstYearDesc(networkId);
    }

    /** Of a network's rules (newest first), the one in force in the year. */
    static Optional<FeeRule> inForce(List<FeeRule> newestFirst, int year) {
        return newestFirst.stream().filter(r -> r.getFirstYear() <= year).findFirst();
    }

    /** Sets the rule's fee unless the secretariat has set one; no rule, no fee (the secretariat enters it). */
    void apply(Application application) {
        if (application.getFeeSetBy() != null) {
            return;
        }
        rule(application.getNetworkId()).ifPresent(rule -> application.feeByRule(
                rule.feeFor(application.getPopulation(), application.getKind()), rule.getCurrency()));
    }
}
