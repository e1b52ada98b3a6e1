package org.healthycities.membership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's own fee rule (the seeded ones of Sund By and Sverige are examples until then). */
@Controller
class FeeRuleController {

    private final FeeRuleRepository rules;
    private final NetworkDirectory networks;
    private final NetworkClock time;

    FeeRuleController(FeeRuleRepository rules, NetworkDirectory networks, NetworkClock time) {
        this.time = time;
        this.rules = rules;
        this.networks = networks;
    }

    /** Amounts as people write them here: "2,02" as well as "2.02", "90 000" as well as "90000". */
    @org.springframework.web.bind.annotation.InitBinder
    void amounts(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String clean = text == null ? "" : text.replaceAll("[\\s\u00a0]", "").replace(',', '.');
                setValue(clean.isEmpty() ? null : new BigDecimal(clean));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : ((BigDecimal) getValue()).stripTrailingZeros().toPlainString();
            }
        });
    }

    @GetMapping("/membership/fees")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        var visible = networks.visibleTo(user);
        model.addAttribute("networks", networks.networks().stream().filter(n -> visible.contains(n.getId())).toList());
        model.addAttribute("rules", rules.findAll().stream().filter(r -> visible.contains(r.networkId))
                .collect(java.util.stream.Collectors.toMap(r -> r.networkId, r -> r)));
        return "membership/fees";
    }

    @GetMapping("/membership/fees/{networkId}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        FeeRule rule = rule(user, networkId);
        model.addAttribute("form", FeeRuleForm.of(rule));
        return page(rule, model);
    }

    @PostMapping("/membership/fees/{networkId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @ModelAttribute("form") FeeRuleForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        FeeRule rule = rule(user, networkId);
        List<FeeBand> bands = check(form, rule, errors);
        if (errors.hasErrors()) {
            form.fillRows();
            return page(rule, model);
        }
        rule.kind = FeeRule.Kind.valueOf(form.getKind());
        rule.ratePerInhabitant = rule.kind == FeeRule.Kind.PER_INHABITANT ? form.getRatePerInhabitant() : null;
        rule.minimumFee = rule.kind == FeeRule.Kind.PER_INHABITANT ? form.getMinimumFee() : null;
        rule.maximumFee = rule.kind == FeeRule.Kind.PER_INHABITANT ? form.getMaximumFee() : null;
        rule.bands.clear();
        if (rule.kind == FeeRule.Kind.BANDS) {
            rule.bands.addAll(bands);
        }
        rule.example = false;
        rule.source = form.getSource() == null || form.getSource().isBlank() ? null : form.getSource().strip();
        rule.updatedBy = user.id();
        rule.updatedAt = time.now();
        try {
            rules.saveAndFlush(rule);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            errors.reject("membership.fees.stale");
            form.fillRows();
            return page(rule, model);
        }
        redirect.addFlashAttribute("notice", "membership.fees.saved");
        return "redirect:/membership/fees";
    }

    /** The checks of the page; the bands to keep, in order. */
    private static List<FeeBand> check(FeeRuleForm form, FeeRule rule, BindingResult errors) {
        if (form.getVersion() != rule.version) {
            errors.reject("membership.fees.stale");
        }
        List<FeeBand> bands = new ArrayList<>();
        if ("PER_INHABITANT".equals(form.getKind())) {
            if (form.getRatePerInhabitant() == null || form.getRatePerInhabitant().signum() <= 0) {
                errors.rejectValue("ratePerInhabitant", "membership.fees.rate");
            }
            if (negative(form.getMinimumFee())) {
                errors.rejectValue("minimumFee", "membership.fees.amount");
            }
            if (negative(form.getMaximumFee())) {
                errors.rejectValue("maximumFee", "membership.fees.amount");
            }
            if (form.getMinimumFee() != null && form.getMaximumFee() != null
                    && form.getMinimumFee().compareTo(form.getMaximumFee()) > 0) {
                errors.rejectValue("maximumFee", "membership.fees.minMax");
            }
        } else if ("BANDS".equals(form.getKind())) {
            List<FeeRuleForm.Band> rows = form.getBands().stream()
                    .filter(b -> b.getUpTo() != null || b.getAmount() != null).toList();
            Integer previous = null;
            for (int i = 0; i < rows.size(); i++) {
                FeeRuleForm.Band b = rows.get(i);
                boolean last = i == rows.size() - 1;
                if (b.getAmount() == null || negative(b.getAmount())) {
                    errors.rejectValue("bands", "membership.fees.amount");
                } else if (last != (b.getUpTo() == null)
                        || (b.getUpTo() != null && previous != null && b.getUpTo() <= previous)) {
                    errors.rejectValue("bands", "membership.fees.bands");
                }
                previous = b.getUpTo();
                bands.add(new FeeBand(i + 1, b.getUpTo(), b.getAmount()));
            }
            if (rows.isEmpty()) {
                errors.rejectValue("bands", "membership.fees.bands");
            }
        } else {
            errors.rejectValue("kind", "membership.fees.kind");
        }
        return bands;
    }

    private static boolean negative(BigDecimal v) {
        return v != null && v.signum() < 0;
    }

    private String page(FeeRule rule, Model model) {
        Network network = networks.network(rule.networkId).orElseThrow();
        model.addAttribute("network", network);
        model.addAttribute("rule", rule);
        return "membership/fee-edit";
    }

    private FeeRule rule(CurrentUser user, String networkId) {
        return rules.findByNetworkId(networkId).filter(r -> user.canSee(r.networkId))
                .filter(r -> Objects.equals(r.networkId, networkId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
