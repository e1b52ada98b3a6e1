package org.healthycities.membership.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's own fee rule (the seeded ones of Sund By and Sverige are examples until then). */
@Controller
class FeeRuleController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final FeeRuleRepository rules;
    private final NetworkDirectory networks;
    private final NetworkClock time;
    private final Fees fees;
    private final FeeList feeList;

    FeeRuleController(FeeRuleRepository rules, NetworkDirectory networks, NetworkClock time, Fees fees,
                      FeeList feeList) {
        this.time = time;
        this.rules = rules;
        this.networks = networks;
        this.fees = fees;
        this.feeList = feeList;
    }

    /** Amounts as people write them here: "2,02" as well as "2.02", "90 000" as well as "90000". */
    @InitBinder
    void amounts(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new PropertyEditorSupport() {
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
        Map<String, List<FeeRule>> byNetwork = new HashMap<>();
        visible.forEach(id -> byNetwork.put(id, rules.findByNetworkIdOrderByFirstYearDesc(id)));
        model.addAttribute("rules", byNetwork);
        Map<String, Integer> thisYear = new HashMap<>();
        visible.forEach(id -> thisYear.put(id, time.today(id).getYear()));
        model.addAttribute("thisYear", thisYear);
        return "membership/fees";
    }

    /** The rule for a year: the one made for it, or a copy of the one in force then to change. */
    @GetMapping("/membership/fees/{networkId}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @RequestParam(required = false) Integer year, Model model) {
        FeeRule rule = rule(user, networkId, year(networkId, year));
        model.addAttribute("form", FeeRuleForm.of(rule));
        return page(rule, model);
    }

    /** The year's fee list, for invoicing: each member, its population, the rule and the amount. */
    @GetMapping("/membership/fees/{networkId}/list")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @RequestParam(required = false) Integer year, Model model) {
        Network network = visible(user, networkId);
        int y = year(networkId, year);
        model.addAttribute("network", network);
        model.addAttribute("year", y);
        model.addAttribute("list", feeList.of(networkId, y));
        return "membership/fee-list";
    }

    @GetMapping("/membership/fees/{networkId}/list.xlsx")
    void listXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                  @RequestParam(required = false) Integer year, Locale locale,
                  HttpServletResponse response) throws IOException {
        Network network = visible(user, networkId);
        int y = year(networkId, year);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"fees-" + y + ".xlsx\"");
        feeList.xlsx(network, y, locale, response.getOutputStream());
    }

    @PostMapping("/membership/fees/{networkId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId,
                @ModelAttribute("form") FeeRuleForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        Integer year = form.getFirstYear();
        if (year == null || year < FIRST_YEAR || year > LAST_YEAR) {
            visible(user, networkId);
            errors.rejectValue("firstYear", "membership.fees.year", new Object[] {FIRST_YEAR, LAST_YEAR}, null);
            year = time.today(networkId).getYear();
        }
        FeeRule rule = rule(user, networkId, year);
        List<FeeBand> bands = check(form, rule, errors);
        if (errors.hasErrors()) {
            form.fillRows();
            return page(rule, model);
        }
        rule.setBy(user.id(), time.now(), FeeRule.Kind.valueOf(form.getKind()), form.getRatePerInhabitant(),
                form.getMinimumFee(), form.getMaximumFee(), bands, form.getSource());
        try {
            rules.saveAndFlush(rule);
        } catch (OptimisticLockingFailureException e) {
            errors.reject("membership.fees.stale");
            form.fillRows();
            return page(rule, model);
        }
        redirect.addFlashAttribute("notice", "membership.fees.saved");
        return "redirect:/membership/fees";
    }

    /** The checks of the page; the bands to keep, in order. */
    private static List<FeeBand> check(FeeRuleForm form, FeeRule rule, BindingResult errors) {
        if (form.getVersion() != rule.getVersion()) {
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
        Network network = networks.network(rule.getNetworkId()).orElseThrow();
        model.addAttribute("network", network);
        model.addAttribute("rule", rule);
        return "membership/fee-edit";
    }

    private Network visible(CurrentUser user, String networkId) {
        return networks.network(networkId).filter(n -> user.canSee(n.getId()))
                .orElseThrow(() -> NotFound.notFound());
    }

    private int year(String networkId, Integer year) {
        return year != null && year >= FIRST_YEAR && year <= LAST_YEAR ? year : time.today(networkId).getYear();
    }

    /** The year's own rule, or a new one copied from the rule in force that year (or an empty one). */
    private FeeRule rule(CurrentUser user, String networkId, int year) {
        Network network = visible(user, networkId);
        return rules.findByNetworkIdAndFirstYear(networkId, year).orElseGet(() -> fees.rule(networkId, year)
                .map(r -> r.copyFor(year)).orElseGet(() -> FeeRule.empty(networkId, year, network.getCurrency())));
    }
}
