package org.healthycities.membership.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every application of the person's networks, open and closed: found by the municipality's name or code or the
 * reference, narrowed by status and network. Those waiting for the applicant have no task; here they are.
 */
@Controller
class ApplicationListController {

    static final int PAGE_SIZE = 25;

    private final ApplicationRepository applications;
    private final NetworkDirectory networks;

    ApplicationListController(ApplicationRepository applications, NetworkDirectory networks) {
        this.applications = applications;
        this.networks = networks;
    }

    @GetMapping("/membership/applications")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) String status, @RequestParam(required = false) String network,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var visible = networks.visibleTo(user);
        var scope = network != null && visible.contains(network) ? Set.of(network) : visible;
        ApplicationStatus chosen = Arrays.stream(ApplicationStatus.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(null);
        var found = scope.isEmpty() ? Page.<Application>empty()
                : applications.search(scope, chosen, q.strip(),
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "id")));
        model.addAttribute("page", found.map(a -> new Row(a.getId(), a.getReference(), a.getMunicipalityName(),
                a.getMunicipalityCode(), a.getNetworkId(), a.getStatus().name(), a.getSubmittedAt() == null ? null
                : LocalDate.ofInstant(a.getSubmittedAt(),
                        networks.network(a.getNetworkId()).orElseThrow().getZone()))));
        model.addAttribute("q", q);
        model.addAttribute("status", chosen == null ? null : chosen.name());
        model.addAttribute("network", scope.size() == 1 && network != null ? network : null);
        model.addAttribute("statuses", Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList());
        model.addAttribute("networks", networks.networks().stream().filter(n -> visible.contains(n.getId())).toList());
        Map<String, String> names = new HashMap<>();
        networks.networks().forEach(n -> names.put(n.getId(), n.getName()));
        model.addAttribute("networkNames", names);
        return "membership/applications";
    }

    /** One line of the list (public for the template). */
    public record Row(Long id, String reference, String municipalityName, String municipalityCode, String networkId,
                      String status, LocalDate submitted) {
    }
}
