package org.healthycities.web;

import org.healthycities.network.NetworkDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class FrontPageController {

    private final NetworkDirectory networks;

    FrontPageController(NetworkDirectory networks) {
        this.networks = networks;
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

    @GetMapping("/home")
    String home() {
        return "web/home";
    }
}
