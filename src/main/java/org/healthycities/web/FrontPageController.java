package org.healthycities.web;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class FrontPageController {

    private final NetworkDirectory networks;
    private final List<OverviewPanel> panels;

    FrontPageController(NetworkDirectory networks, List<OverviewPanel> panels) {
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
    String home(@AuthenticationPrincipal
                CurrentUser user, Model model) {
        Set<String> visible = networks.visibleTo(user);
        boolean staff = user.isAdmin() || user.inGroup(CurrentUser.SECRETARIAT);
        model.addAttribute("panels", visible.isEmpty() ? List.of() : panels.stream()
                .filter(p -> staff || !p.staffOnly()).flatMap(p -> p.panel(user, visible).stream())
                .sorted(Comparator.comparingInt(OverviewPanel.Panel::order)).toList());
        return "web/home";
    }
}
