package org.healthycities.staff.internal;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The mailed link that ends a login lock. Opening it only offers a button (mail scanners that open links do
 * not use it up); pressing it ends the user's lock at once. An unknown, used or expired link says so kindly.
 */
@Controller
class UnlockController {

    private final UnlockLinks links;
    private final LoginThrottle throttle;

    UnlockController(UnlockLinks links, LoginThrottle throttle) {
        this.links = links;
        this.throttle = throttle;
    }

    @GetMapping("/login/unlock/{token}")
    String offer(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", links.valid(token) ? "offer" : "invalid");
        return "staff/unlock";
    }

    @PostMapping("/login/unlock/{token}")
    @Transactional
    String unlock(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("state", links.use(token).map(user -> {
            throttle.release(user);
            return "done";
        }).orElse("invalid"));
        return "staff/unlock";
    }
}
