package org.healthycities.network.internal;

import static org.healthycities.network.internal.Forms.clean;

import java.util.Optional;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.security.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The secretariat's edits of its network's strategies and their goals. Goals are never deleted: later
 * evaluations refer to them. Every record is looked up within the caller's network; any error in
 * {@code errors} means nothing was written.
 */
@Service
@Transactional
class StrategyEditor {

    private final StrategyRepository strategies;

    StrategyEditor(StrategyRepository strategies) {
        this.strategies = strategies;
    }

    /** The strategy with its goals loaded. */
    @Transactional(readOnly = true)
    Strategy strategy(String networkId, Long id) {
        Strategy strategy = strategies.findById(id).filter(s -> s.getNetworkId().equals(networkId))
                .orElseThrow(NotFound::notFound);
        strategy.allGoals().size();
        return strategy;
    }

    Optional<Strategy> create(String networkId, StrategyForm form, Errors errors) {
        form.checkPeriod(errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Strategy strategy = new Strategy(networkId, clean(form.name()), form.first(), form.last());
        strategy.setDescription(clean(form.description()));
        return Optional.of(strategies.saveAndFlush(strategy));
    }

    void update(String networkId, Long id, int seenVersion, StrategyForm form, Errors errors) {
        Strategy strategy = strategy(networkId, id);
        if (strategy.getVersion() != seenVersion) {
            errors.reject("strategy.stale");
        }
        form.checkPeriod(errors);
        if (errors.hasErrors()) {
            return;
        }
        strategy.setName(clean(form.name()));
        strategy.setPeriod(form.first(), form.last());
        strategy.setDescription(clean(form.description()));
        strategies.saveAndFlush(strategy);
    }

    /** A top-level goal of the strategy, the only kind a sub-line may hang under. */
    @Transactional(readOnly = true)
    StrategicGoal topGoal(String networkId, Long strategyId, Long goalId) {
        return goalOf(strategy(networkId, strategyId), goalId, true);
    }

    @Transactional(readOnly = true)
    StrategicGoal goal(String networkId, Long strategyId, Long goalId) {
        return goalOf(strategy(networkId, strategyId), goalId, false);
    }

    /** The position a new goal (parentId null) or sub-line gets by default: after the last one. */
    @Transactional(readOnly = true)
    int nextPosition(String networkId, Long strategyId, Long parentId) {
        return strategy(networkId, strategyId).allGoals().stream()
                .filter(g -> parentId == null ? g.getParentId() == null : parentId.equals(g.getParentId()))
                .mapToInt(StrategicGoal::getPosition).max().orElse(0) + 1;
    }

    /** Adds a goal, or a sub-line when parentId names one of the strategy's goals. */
    void addGoal(String networkId, Long strategyId, Long parentId, GoalForm form, Errors errors) {
        Strategy strategy = strategy(networkId, strategyId);
        if (parentId != null) {
            goalOf(strategy, parentId, true);
        }
        if (errors.hasErrors()) {
            return;
        }
        strategy.allGoals().add(new StrategicGoal(parentId, form.positionNumber(), clean(form.title()),
                clean(form.description())));
        strategies.saveAndFlush(strategy);
    }

    void updateGoal(String networkId, Long strategyId, Long goalId, int seenVersion, GoalForm form, Errors errors) {
        Strategy strategy = strategy(networkId, strategyId);
        StrategicGoal goal = goalOf(strategy, goalId, false);
        if (goal.getVersion() != seenVersion) {
            errors.reject("goal.stale");
        }
        if (errors.hasErrors()) {
            return;
        }
        goal.setTitle(clean(form.title()));
        goal.setDescription(clean(form.description()));
        goal.setPosition(form.positionNumber());
        strategies.saveAndFlush(strategy);
    }

    private static StrategicGoal goalOf(Strategy strategy, Long goalId, boolean topLevelOnly) {
        return strategy.allGoals().stream()
                .filter(g -> g.getId().equals(goalId) && (!topLevelOnly || g.getParentId() == null))
                .findFirst().orElseThrow(NotFound::notFound);
    }
}
