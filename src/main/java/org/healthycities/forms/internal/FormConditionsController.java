package org.healthycities.forms.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormViews;
import org.healthycities.security.NotFound;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For forms.js: which components are hidden for the values typed so far, decided by the server's FEEL engine,
 * so the browser shows and hides exactly what the server will keep. Stores nothing.
 */
@RestController
class FormConditionsController {

    private final FormCatalog catalog;
    private final FormViews views;

    FormConditionsController(FormCatalog catalog, FormViews views) {
        this.catalog = catalog;
        this.views = views;
    }

    @PostMapping("/forms/{formId}/conditions")
    Map<String, Set<String>> hidden(@PathVariable String formId,
                                    @RequestParam(name = "formVersion", required = false) String version,
                                    HttpServletRequest request) {
        // not "version": a page's form posts its submission's optimistic-locking version under that name
        FormDefinition form;
        if (version != null && version.matches("[0-9a-f]{64}")) {
            try {
                form = catalog.version(formId, version); // a form file's version, or a published designed form
            } catch (NoSuchElementException e) {
                throw NotFound.notFound();
            }
        } else {
            form = catalog.find(formId).orElseThrow(() -> NotFound.notFound());
        }
        return hidden(form, request);
    }

    /** The element ids of the fields the answers so far hide. */
    static Map<String, Set<String>> hidden(FormDefinition form, HttpServletRequest request) {
        Set<String> hidden = Visibility.hidden(form, FormValidator.lenientValues(form, FormInput.fromRequest(request), Map.of()));
        return Map.of("hidden", hidden.stream().map(h -> "f-" + FormViews.htmlId(h)).collect(Collectors.toSet()));
    }
}
