package org.healthycities.forms.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Subject;
import org.healthycities.forms.Submission;
import org.healthycities.forms.SubmissionLinks;
import org.healthycities.forms.Submissions;
import org.healthycities.forms.Submitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.healthycities.security.NotFound;

/**
 * The public demo of the survey engine: anyone fills in forms/sample-all-components.form, saves a draft,
 * comes back with the private link (/forms/sample/t/{token}) and submits. Shows how a feature embeds a form.
 */
@Controller
@ConditionalOnProperty(name = "hc.forms.sample.enabled", havingValue = "true") // real submissions: demo profile only
class SampleFormController {

    static final String FORM_ID = "sample-all-components";

    private final FormCatalog catalog;
    private final Submissions submissions;
    private final SubmissionLinks links;
    private final FormViews views;
    private final String network;

    SampleFormController(FormCatalog catalog, Submissions submissions, SubmissionLinks links, FormViews views,
                         @Value("${hc.forms.sample-network:sund-by}") String network) {
        this.catalog = catalog;
        this.submissions = submissions;
        this.links = links;
        this.views = views;
        this.network = network;
    }

    @GetMapping("/forms/sample")
    String blank(Locale locale, Model model) {
        model.addAttribute("formView", views.blank(catalog.latest(FORM_ID), locale));
        return "forms/sample";
    }

    /** The first save: the submission and its link are made only once the answers pass the checks. */
    @PostMapping("/forms/sample")
    String first(@RequestParam(defaultValue = "draft") String action, HttpServletRequest request, Locale locale,
                 Model model, RedirectAttributes redirect) {
        FormDefinition form = catalog.latest(FORM_ID);
        FormInput input = FormInput.fromRequest(request);
        var errors = submissions.check(form, input, "submit".equals(action));
        if (!errors.isEmpty()) {
            model.addAttribute("formView", views.retry(form, input, errors, locale));
            return "forms/sample";
        }
        Submission created = submissions.create(FORM_ID, new Subject("demo", UUID.randomUUID().toString()), network,
                Submitter.of(null, null, request));
        String token = links.issue(created.id());
        return save(token, created, created.version(), action, input, locale, model, redirect);
    }

    @GetMapping("/forms/sample/t/{token}")
    String resume(@PathVariable String token, Locale locale, Model model) {
        Submission s = submission(token);
        model.addAttribute("formView", views.of(s, locale));
        return page(token, s, model);
    }

    @PostMapping("/forms/sample/t/{token}")
    String post(@PathVariable String token, @RequestParam int version, @RequestParam(defaultValue = "draft") String action,
                HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        return save(token, submission(token), version, action, FormInput.fromRequest(request), locale, model, redirect);
    }

    private String save(String token, Submission s, int version, String action, FormInput input, Locale locale,
                        Model model, RedirectAttributes redirect) {
        SaveResult<Submission> result = "submit".equals(action) ? submissions.submit(s.id(), version, input)
                : submissions.saveDraft(s.id(), version, input);
        if (result.stored()) {
            redirect.addFlashAttribute("notice",
                    result instanceof SaveResult.Submitted ? "form.submitted" : "form.saved");
            return "redirect:/forms/sample/t/" + token;
        }
        if (result instanceof SaveResult.Closed) {
            return "redirect:/forms/sample/t/" + token;
        }
        Submission current = result instanceof SaveResult.Conflict<Submission> c ? c.current() : s;
        model.addAttribute("formView", views.retry(current, input, result, locale));
        return page(token, current, model);
    }

    private String page(String token, Submission s, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("submission", s);
        return "forms/sample";
    }

    private Submission submission(String token) {
        return links.resolve(token).flatMap(submissions::find)
                .orElseThrow(() -> NotFound.notFound());
    }
}
