package org.healthycities.web;

import java.util.List;
import org.healthycities.network.NetworkDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class FrontPageController {

    private final NetworkDirectory networks;
    private final java.util.List<OverviewPanel> panels;

    FrontPageController(NetworkDirectory networks, java.util.List<OverviewPanel> panels) {
        this.networks = networks;
        this.panels = panels;
    }

    @GetMapping("/")
    String front(Model model) {
        model.addAttribute("networks", networks.networks());
        return "web/front";
    }

    @GetMapping("/login")
    String login() {
        return "web/login";
    }

    /** The overview of the person's networks: what waits, what is late, what failed. */
    @GetMapping("/home")
    String home(@org.springframework.security.core.annotation.AuthenticationPrincipal
                org.healthycities.security.CurrentUser user, Model model) {
        java.util.Set<String> visible = networks.visibleTo(user);
        boolean staff = user.isAdmin() || user.inGroup(org.healthycities.security.CurrentUser.SECRETARIAT);
        model.addAttribute("panels", visible.isEmpty() ? List.of() : panels.stream()
                .filter(p -> staff || !p.staffOnly()).flatMap(p -> p.panel(user, visible).stream())
                .sorted(java.util.Comparator.comparingInt(OverviewPanel.Panel::order)).toList());
        return "web/home";
    }
}
