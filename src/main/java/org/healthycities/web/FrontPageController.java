package org.healthycities.web;

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
        model.addAttribute("panels", panels.stream().flatMap(p -> p.panel(user).stream())
                .sorted(java.util.Comparator.comparingInt(OverviewPanel.Panel::order)).toList());
        return "web/home";
    }
}
