package org.healthycities.membership;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The fee an applicant would pay by its network's rule. */
@Component
class Fees {

    private final FeeRuleRepository rules;

    Fees(FeeRuleRepository rules) {
        this.rules = rules;
    }

    Optional<FeeRule> rule(String networkId) {
        return rules.findByNetworkId(networkId);
    }

    /** Sets the rule's fee unless the secretariat has set one; no rule, no fee (the secretariat enters it). */
    void apply(Application application) {
        if (application.feeSetBy != null) {
            return;
        }
        rule(application.networkId).ifPresent(rule -> {
            BigDecimal fee = rule.feeFor(application.population, application.kind);
            application.fee = fee;
            application.feeCurrency = rule.currency;
        });
    }
}
