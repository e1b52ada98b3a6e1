package org.healthycities.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.healthycities.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page. */
@ControllerAdvice
class LayoutAdvice {

    private final PublicAddress address;

    LayoutAdvice(PublicAddress address) {
        this.address = address;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.get().orElse(null);
    }

    /** For the admin while HC_BASE_URL is unset: the address links use, as learnt from a staff browser. */
    @ModelAttribute("unsetPublicAddress")
    String unsetPublicAddress(HttpServletRequest request) {
        Optional<CurrentUser> user = CurrentUser.get();
        if (user.isEmpty() || !(user.get().isAdmin() || user.get().inGroup(CurrentUser.SECRETARIAT))) {
            return null;
        }
        address.learnFrom(request);
        return !address.isSet() && user.get().isAdmin() ? address.url() : null;
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return Optional.ofNullable(request.getRequestURI()).orElse("/");
    }
}
