package org.healthycities.network.internal;

import java.util.HashMap;
import java.util.UUID;
import org.healthycities.network.Strategy;
import org.healthycities.network.ThemeGroup;
import org.springframework.stereotype.Component;
import org.springframework.validation.MapBindingResult;

/**
 * Records of the network's pages made for one test, each with a unique name. Strategies get periods far in
 * the future, so no other test's "strategy in force this year" changes.
 */
@Component
class NetworkFixtures {

    private final NetworkEditor networkEditor;
    private final StrategyEditor strategyEditor;

    NetworkFixtures(NetworkEditor networkEditor, StrategyEditor strategyEditor) {
        this.networkEditor = networkEditor;
        this.strategyEditor = strategyEditor;
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    ThemeGroup themeGroup(String networkId) {
        return networkEditor.createThemeGroup(networkId, new ThemeGroupForm(unique("Temagruppe"), "Til en test", true),
                noErrors()).orElseThrow();
    }

    ThemeGroup reload(ThemeGroup group) {
        return networkEditor.themeGroup(group.getNetworkId(), group.getId());
    }

    /** A strategy with one goal that has one sub-line. */
    Strategy strategy(String networkId) {
        Strategy strategy = strategyEditor.create(networkId, new StrategyForm(unique("Strategi"), "2190", "2199", null),
                noErrors()).orElseThrow();
        strategyEditor.addGoal(networkId, strategy.getId(), null, new GoalForm(unique("Mål"), null, "1"), noErrors());
        Long goalId = reload(strategy).getGoals().get(0).getId();
        strategyEditor.addGoal(networkId, strategy.getId(), goalId, new GoalForm(unique("Underpunkt"), null, "1"),
                noErrors());
        return reload(strategy);
    }

    Strategy reload(Strategy strategy) {
        return strategyEditor.strategy(strategy.getNetworkId(), strategy.getId());
    }

    private static MapBindingResult noErrors() {
        return new MapBindingResult(new HashMap<>(), "form");
    }
}
