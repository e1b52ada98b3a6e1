package org.healthycities.staff.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For people who cannot log in: "forgot password" (the same answer whether the address is known or not) and the
 * mailed link's page that sets a password. An unknown, used or expired link answers 404, which the guess limiter
 * counts, so links cannot be guessed.
 */
@Controller
class PasswordController {

    private final PasswordLinks links;
    private final ForgottenPasswords forgotten;

    PasswordController(PasswordLinks links, ForgottenPasswords forgotten) {
        this.links = links;
        this.forgotten = forgotten;
    }

    @GetMapping("/login/forgot")
    String forgotPage() {
        return "staff/forgot";
    }

    @PostMapping("/login/forgot")
    String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("email", email);
        if (email.isBlank()) {
            model.addAttribute("missing", true);
            return "staff/forgot";
        }
        if (!forgotten.request(email, request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            model.addAttribute("tooMany", true);
            return "staff/forgot";
        }
        model.addAttribute("sent", true);
        return "staff/forgot";
    }

    @GetMapping("/login/password/{token}")
    String passwordPage(@PathVariable String token, Model model, HttpServletResponse response) {
        return links.open(token).map(link -> page(token, link, new PasswordForm(), model))
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/login/password/{token}")
    String setPassword(@PathVariable String token, @ModelAttribute("form") PasswordForm form, BindingResult errors,
                       Model model, HttpServletResponse response) {
        var link = links.open(token);
        if (link.isEmpty()) {
            return invalid(response);
        }
        try {
            if (links.setPassword(token, form, errors).isPresent()) {
                return "redirect:/login?password";
            }
        } catch (OptimisticLockingFailureException usedMeanwhile) {
            return invalid(response); // the same link sent twice at once: the other one set the password
        }
        if (!errors.hasErrors()) {
            return invalid(response); // used up between the check and the save
        }
        form.setPassword("");
        form.setRepeat("");
        return page(token, link.get(), form, model);
    }

    private static String page(String token, StaffLink link, PasswordForm form, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("username", link.getUserId());
        model.addAttribute("minLength", PasswordRule.MIN_LENGTH);
        model.addAttribute("purpose", link.getPurpose().name().toLowerCase(Locale.ROOT));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "staff/password";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "staff/password-invalid";
    }
}
