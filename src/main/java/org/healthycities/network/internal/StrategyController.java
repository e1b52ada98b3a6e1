package org.healthycities.network.internal;

import jakarta.validation.Valid;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A network's strategies with their periods, strategic goals and sub-lines; the SDGs and 6 Ps shown beside. */
@Controller
@RequestMapping("/network/{networkId}/strategies")
class StrategyController {

    private static final String STRATEGY = "redirect:/network/{networkId}/strategies/{strategyId}";

    private final NetworkDirectory directory;
    private final NetworkScope scope;
    private final StrategyEditor editor;

    StrategyController(NetworkDirectory directory, NetworkScope scope, StrategyEditor editor) {
        this.directory = directory;
        this.scope = scope;
        this.editor = editor;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        model.addAttribute("network", scope.require(user, networkId));
        model.addAttribute("strategies", directory.strategies(networkId));
        model.addAttribute("sdgs", directory.sdgs());
        model.addAttribute("sixPs", directory.sixPs());
        return "network/strategies";
    }

    @GetMapping("/{strategyId}")
    String view(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @PathVariable Long strategyId, Model model) {
        model.addAttribute("network", scope.require(user, networkId));
        model.addAttribute("strategy", editor.strategy(networkId, strategyId));
        return "network/strategy";
    }

    @GetMapping("/new")
    String createPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        return strategyPage(scope.require(user, networkId), null, StrategyForm.blank(), 0, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                  @Valid @ModelAttribute("form") StrategyForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        var created = editor.create(networkId, form, errors);
        if (errors.hasErrors()) {
            return strategyPage(network, null, form, 0, model);
        }
        redirect.addFlashAttribute("saved", "strategy.created");
        return "redirect:/network/{networkId}/strategies/" + created.orElseThrow().getId();
    }

    @GetMapping("/{strategyId}/edit")
    String editPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                    @PathVariable Long strategyId, Model model) {
        Network network = scope.require(user, networkId);
        Strategy strategy = editor.strategy(networkId, strategyId);
        return strategyPage(network, strategy, StrategyForm.of(strategy), strategy.getVersion(), model);
    }

    @PostMapping("/{strategyId}/edit")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @PathVariable Long strategyId, @RequestParam int version,
                @Valid @ModelAttribute("form") StrategyForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        Strategy strategy = editor.strategy(networkId, strategyId);
        editor.update(networkId, strategyId, version, form, errors);
        if (errors.hasErrors()) {
            return strategyPage(network, strategy, form, version, model);
        }
        redirect.addFlashAttribute("saved", "strategy.saved");
        return STRATEGY;
    }

    @GetMapping("/{strategyId}/goals/new")
    String newGoalPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                       @PathVariable Long strategyId, @RequestParam(required = false) Long parent, Model model) {
        Network network = scope.require(user, networkId);
        GoalForm form = GoalForm.at(editor.nextPosition(networkId, strategyId, parent));
        return goalPage(network, editor.strategy(networkId, strategyId), parentOf(networkId, strategyId, parent),
                null, form, 0, model);
    }

    @PostMapping("/{strategyId}/goals/new")
    String addGoal(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                   @PathVariable Long strategyId, @RequestParam(required = false) Long parent,
                   @Valid @ModelAttribute("form") GoalForm form, BindingResult errors, Model model,
                   RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        editor.addGoal(networkId, strategyId, parent, form, errors);
        if (errors.hasErrors()) {
            return goalPage(network, editor.strategy(networkId, strategyId), parentOf(networkId, strategyId, parent),
                    null, form, 0, model);
        }
        redirect.addFlashAttribute("saved", "goal.created");
        return STRATEGY;
    }

    @GetMapping("/{strategyId}/goals/{goalId}/edit")
    String editGoalPage(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                        @PathVariable Long strategyId, @PathVariable Long goalId, Model model) {
        Network network = scope.require(user, networkId);
        StrategicGoal goal = editor.goal(networkId, strategyId, goalId);
        return goalPage(network, editor.strategy(networkId, strategyId),
                parentOf(networkId, strategyId, goal.getParentId()), goal, GoalForm.of(goal), goal.getVersion(), model);
    }

    @PostMapping("/{strategyId}/goals/{goalId}/edit")
    String saveGoal(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                    @PathVariable Long strategyId, @PathVariable Long goalId, @RequestParam int version,
                    @Valid @ModelAttribute("form") GoalForm form, BindingResult errors, Model model,
                    RedirectAttributes redirect) {
        Network network = scope.require(user, networkId);
        StrategicGoal goal = editor.goal(networkId, strategyId, goalId);
        editor.updateGoal(networkId, strategyId, goalId, version, form, errors);
        if (errors.hasErrors()) {
            return goalPage(network, editor.strategy(networkId, strategyId),
                    parentOf(networkId, strategyId, goal.getParentId()), goal, form, version, model);
        }
        redirect.addFlashAttribute("saved", "goal.saved");
        return STRATEGY;
    }

    private StrategicGoal parentOf(String networkId, Long strategyId, Long parentId) {
        return parentId == null ? null : editor.topGoal(networkId, strategyId, parentId);
    }

    /** The create page when strategy is null, else the edit page. */
    private String strategyPage(Network network, Strategy strategy, StrategyForm form, int version, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("strategy", strategy);
        model.addAttribute("version", version);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // re-adding would drop the binding errors
        }
        return "network/strategy-form";
    }

    /** The page of a new goal (goal null) or sub-line (parent given), or the edit page of one. */
    private String goalPage(Network network, Strategy strategy, StrategicGoal parent, StrategicGoal goal,
                            GoalForm form, int version, Model model) {
        model.addAttribute("network", network);
        model.addAttribute("strategy", strategy);
        model.addAttribute("parent", parent);
        model.addAttribute("goal", goal);
        model.addAttribute("heading", (goal == null ? "goal.new" : "goal.edit") + (parent == null ? ".title" : "SubLine.title"));
        model.addAttribute("version", version);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form); // re-adding would drop the binding errors
        }
        return "network/goal-form";
    }
}
