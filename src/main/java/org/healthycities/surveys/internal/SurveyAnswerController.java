package org.healthycities.surveys.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.healthycities.forms.SubmissionLinks;
import org.healthycities.forms.Submissions;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.healthycities.security.NotFound;

/**
 * Answering a survey without an account: a member's coordinator through the private link of its mail (the
 * member's submission: a draft saved by one coordinator is there for the next), and anyone through a survey's
 * open link, anonymously (the first save makes the submission and a private link back to it).
 */
@Controller
class SurveyAnswerController {

    private final SurveyService surveys;
    private final Submissions submissions;
    private final SubmissionLinks links;
    private final FormCatalog catalog;
    private final FormViews views;
    private final NetworkDirectory directory;

    SurveyAnswerController(SurveyService surveys, Submissions submissions, SubmissionLinks links, FormCatalog catalog,
                           FormViews views, NetworkDirectory directory) {
        this.surveys = surveys;
        this.submissions = submissions;
        this.links = links;
        this.catalog = catalog;
        this.views = views;
        this.directory = directory;
    }

    @Bean
    static PublicPaths surveyPublicPaths() {
        return PublicPaths.of("/survey/**");
    }

    /** What a token opens: the survey, and the member answering (none for an anonymous answer). */
    private record Opened(Survey survey, SurveyRecipient recipient, Submission submission) {
    }

    private Opened opened(String token) {
        Submission submission = links.resolve(token).flatMap(submissions::find).orElseThrow(SurveyAnswerController::gone);
        Optional<SurveyService.Answering> member = surveys.answering(submission.id());
        if (member.isPresent()) {
            return new Opened(member.get().survey(), member.get().recipient(), submission);
        }
        return surveys.ofAnonymous(submission).map(s -> new Opened(s, null, submission))
                .orElseThrow(SurveyAnswerController::gone);
    }

    private static ResponseStatusException gone() {
        return NotFound.notFound();
    }

    @GetMapping("/survey/{token}")
    String show(@PathVariable String token, Locale locale, Model model) {
        Opened o = opened(token);
        if (o.recipient() != null && !o.survey().isClosed()) {
            surveys.opened(o.recipient());
        }
        model.addAttribute("formView", views.of(o.submission(), locale));
        return page(token, o, o.submission(), model);
    }

    @PostMapping("/survey/{token}")
    String save(@PathVariable String token, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(defaultValue = "draft") String action, HttpServletRequest request, Locale locale,
                Model model, RedirectAttributes redirect) {
        Opened o = opened(token);
        if (o.survey().isClosed()) {
            return "redirect:/survey/" + token;
        }
        return save(token, o, version, action, FormInput.fromRequest(request), locale, model, redirect);
    }

    private String save(String token, Opened o, int version, String action, FormInput input, Locale locale, Model model,
                        RedirectAttributes redirect) {
        boolean submit = "submit".equals(action);
        SaveResult<Submission> result = submit ? submissions.submit(o.submission().id(), version, input)
                : submissions.saveDraft(o.submission().id(), version, input);
        if (result.stored()) {
            boolean submitted = result instanceof SaveResult.Submitted;
            if (o.recipient() != null) {
                surveys.saved(o.recipient(), submitted);
            }
            redirect.addFlashAttribute("notice", submitted ? "survey.answer.submitted"
                    : "survey.answer.saved");
            return "redirect:/survey/" + token;
        }
        if (result instanceof SaveResult.Closed) {
            return "redirect:/survey/" + token;
        }
        Submission current = result instanceof SaveResult.Conflict<Submission> c ? c.current() : o.submission();
        model.addAttribute("formView", views.retry(current, input, result, locale));
        return page(token, o, current, model);
    }

    private String page(String token, Opened o, Submission submission, Model model) {
        model.addAttribute("survey", o.survey());
        model.addAttribute("recipient", o.recipient());
        model.addAttribute("submission", submission);
        model.addAttribute("networkName", directory.nameOf(o.survey().getNetworkId()));
        model.addAttribute("action", "/survey/" + token);
        return "surveys/answer";
    }

    // ---- the open link -------------------------------------------------------------------------------------

    private Survey openSurvey(String openToken) {
        return surveys.open(openToken).orElseThrow(SurveyAnswerController::gone);
    }

    private FormDefinition form(Survey survey) {
        return catalog.version(survey.getFormId(), survey.getVersionHash());
    }

    @GetMapping("/survey/open/{openToken}")
    String blank(@PathVariable String openToken, Locale locale, Model model) {
        Survey survey = openSurvey(openToken);
        model.addAttribute("formView", views.blank(form(survey), locale));
        return openPage(openToken, survey, model);
    }

    /** The first save: the submission and its private link are made only once the answers pass the checks. */
    @PostMapping("/survey/open/{openToken}")
    String first(@PathVariable String openToken, @RequestParam(defaultValue = "draft") String action,
                 HttpServletRequest request, Locale locale, Model model, RedirectAttributes redirect) {
        Survey survey = openSurvey(openToken);
        if (survey.isClosed()) {
            return "redirect:/survey/open/" + openToken;
        }
        FormDefinition form = form(survey);
        FormInput input = FormInput.fromRequest(request);
        List<FieldError> errors = submissions.check(form, input, "submit".equals(action));
        if (!errors.isEmpty()) {
            model.addAttribute("formView", views.retry(form, input, errors, locale));
            return openPage(openToken, survey, model);
        }
        Submission created = surveys.anonymous(survey);
        String token = links.issue(created.id());
        return save(token, new Opened(survey, null, created), created.version(), action, input, locale, model, redirect);
    }

    private String openPage(String openToken, Survey survey, Model model) {
        model.addAttribute("survey", survey);
        model.addAttribute("networkName", directory.nameOf(survey.getNetworkId()));
        model.addAttribute("action", "/survey/open/" + openToken);
        return "surveys/answer";
    }
}
