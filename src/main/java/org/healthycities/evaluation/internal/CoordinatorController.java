package org.healthycities.evaluation.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.healthycities.evaluation.ActivityStatus;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormView;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.network.NetworkDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's pages behind the private link: the evaluation form (draft, resume, submit), and the
 * member's own history. A link opens only its own member's evaluation of its round; an unknown or expired
 * link gets the same friendly page.
 */
@Controller
class CoordinatorController {

    private final EvaluationService evaluations;
    private final ReportService reports;
    private final NetworkDirectory networks;
    private final FormViews views;
    private final Submissions submissions;

    CoordinatorController(EvaluationService evaluations, ReportService reports, NetworkDirectory networks,
                          FormViews views, Submissions submissions) {
        this.evaluations = evaluations;
        this.reports = reports;
        this.networks = networks;
        this.views = views;
        this.submissions = submissions;
    }

    @GetMapping("/evaluation/{token}")
    String form(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        return evaluations.open(token).map(e -> {
            Submission s = evaluations.submission(e);
            EvaluationService.FormContext ctx = evaluations.context(e);
            return page(token, e, ctx, s, views.of(s, ctx.feed(locale), locale), model);
        }).orElseGet(() -> invalid(response));
    }

    /**
     * Saves (action "save"), submits ("submit"), or changes the page without saving: a list item added
     * ("add:activities") or removed ("remove:activities[2]"), last year's chosen activities carried over.
     */
    @PostMapping("/evaluation/{token}")
    String save(@PathVariable String token, HttpServletRequest request,
                @RequestParam(name = "action", defaultValue = "save") String action,
                @RequestParam(name = "version", defaultValue = "-1") int version,
                @RequestParam(name = "carry", required = false) List<Integer> carry,
                Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        var opened = evaluations.open(token);
        if (opened.isEmpty()) {
            return invalid(response);
        }
        MemberEvaluation e = opened.get();
        EvaluationService.FormContext ctx = evaluations.context(e);
        Submission s = evaluations.submission(e);
        FormInput input = FormInput.fromRequest(request);
        if (action.startsWith("add:")) {
            return page(token, e, ctx, s, views.typed(s, input.withItemAdded(action.substring(4)), ctx.feed(locale), locale), model);
        }
        Matcher remove = REMOVE.matcher(action);
        if (remove.matches()) {
            FormInput fewer = input.withItemRemoved(remove.group(1), Integer.parseInt(remove.group(2)));
            return page(token, e, ctx, s, views.typed(s, fewer, ctx.feed(locale), locale), model);
        }
        if ("carryOver".equals(action)) {
            model.addAttribute("carried", true);
            return page(token, e, ctx, s, views.typed(s, carried(input, ctx, evaluations.lastYear(e, ctx),
                            carry == null ? List.of() : carry),
                    ctx.feed(locale), locale), model);
        }
        SaveResult<Submission> result = evaluations.save(e.getId(), version, input, "submit".equals(action),
                ctx.feed(locale));
        if (result instanceof SaveResult.Invalid || result instanceof SaveResult.Conflict) {
            Submission current = submissions.find(s.id()).orElseThrow();
            return page(token, e, ctx, current, views.retry(current, input, result, ctx.feed(locale), locale), model);
        }
        // the notice for each stored (or closed) case: evaluation.outcome.SAVED, SUBMITTED, LATE, CLOSED
        redirect.addFlashAttribute("outcome", result instanceof SaveResult.Submitted ? "SUBMITTED"
                : result instanceof SaveResult.Late ? "LATE" : result instanceof SaveResult.Closed ? "CLOSED" : "SAVED");
        return "redirect:/evaluation/" + token;
    }

    private static final Pattern REMOVE = Pattern.compile("remove:(\\w+)\\[(\\d{1,3})]");

    /** Last year's chosen activities added after those typed, as ongoing (goals that are no longer the round's left out). */
    private static FormInput carried(FormInput input, EvaluationService.FormContext ctx,
                                     List<EvaluationAnswers.Activity> lastYear, List<Integer> chosen) {
        Map<String, Object> values = new LinkedHashMap<>(input.values());
        int next = (int) input.values().keySet().stream().filter(k -> k.startsWith(EvaluationAnswers.ACTIVITIES + "["))
                .map(k -> k.substring(0, k.indexOf(']'))).distinct().count();
        for (EvaluationAnswers.Activity a : lastYear) {
            if (!chosen.contains(a.position())) {
                continue;
            }
            String p = EvaluationAnswers.ACTIVITIES + "[" + next++ + "].";
            values.put(p + EvaluationAnswers.TITLE, a.title());
            values.put(p + EvaluationAnswers.GOAL, a.goalId() != null && ctx.goalIds().contains(a.goalId()) ? a.goalId() : "");
            values.put(p + EvaluationAnswers.STATUS, ActivityStatus.ONGOING.name());
            values.put(p + EvaluationAnswers.PARTNERS, a.partners() == null ? "" : a.partners());
            values.put(p + EvaluationAnswers.ACTIVITY_SDGS, a.sdgs());
            values.put(p + EvaluationAnswers.DESCRIPTION, a.description() == null ? "" : a.description());
            values.put(p + EvaluationAnswers.SHARED, String.valueOf(a.shared()));
        }
        return FormInput.of(values);
    }

    @GetMapping("/evaluation/{token}/history")
    String history(@PathVariable String token, Model model, HttpServletResponse response) {
        var opened = evaluations.open(token);
        if (opened.isEmpty()) {
            return invalid(response);
        }
        MemberEvaluation e = opened.get();
        model.addAttribute("token", token);
        model.addAttribute("memberName", e.getMemberName());
        model.addAttribute("history", reports.memberHistory(e.getMemberId()));
        return "evaluation/member-history";
    }

    private String page(String token, MemberEvaluation e, EvaluationService.FormContext ctx, Submission s, FormView form,
                        Model model) {
        model.addAttribute("token", token);
        model.addAttribute("evaluation", e);
        model.addAttribute("network", networks.network(e.getNetworkId()).orElseThrow());
        model.addAttribute("ctx", ctx);
        model.addAttribute("lastYear", evaluations.lastYear(e, ctx));
        model.addAttribute("formView", form);
        model.addAttribute("submission", s);
        model.addAttribute("sections", EvaluationSections.of(form, ctx.goals().size()));
        return "evaluation/form";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "evaluation/link-invalid";
    }
}
