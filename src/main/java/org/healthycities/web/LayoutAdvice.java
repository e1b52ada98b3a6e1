package org.healthycities.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.healthycities.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return Optional.ofNullable(request.getRequestURI()).orElse("/");
    }
}
