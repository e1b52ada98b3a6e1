package org.healthycities.forms.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormExports;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.healthycities.security.NotFound;

/** The secretariat's exports of a form's submissions, only of the networks the person may see. */
@Controller
class FormExportController {

    private final FormExports exports;
    private final FormCatalog catalog;
    private final NetworkDirectory directory;

    FormExportController(FormExports exports, FormCatalog catalog, NetworkDirectory directory) {
        this.exports = exports;
        this.catalog = catalog;
        this.directory = directory;
    }

    @GetMapping("/forms/{formId}/submissions.csv")
    void csv(@AuthenticationPrincipal CurrentUser user, @PathVariable String formId, Locale locale,
             HttpServletResponse response) throws IOException {
        Set<String> networks = allowed(user, formId);
        start(response, "text/csv;charset=UTF-8", formId + "-besvarelser.csv");
        exports.csv(formId, networks, locale, response.getOutputStream());
    }

    @GetMapping("/forms/{formId}/submissions.xlsx")
    void xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable String formId, Locale locale,
              HttpServletResponse response) throws IOException {
        Set<String> networks = allowed(user, formId);
        start(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", formId + "-besvarelser.xlsx");
        exports.xlsx(formId, networks, locale, response.getOutputStream());
    }

    private Set<String> allowed(CurrentUser user, String formId) {
        if (user == null || !(user.isAdmin() || user.inGroup(CurrentUser.SECRETARIAT)) || catalog.find(formId).isEmpty()) {
            throw NotFound.notFound();
        }
        return directory.visibleTo(user);
    }

    private static void start(HttpServletResponse response, String type, String filename) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
    }
}
