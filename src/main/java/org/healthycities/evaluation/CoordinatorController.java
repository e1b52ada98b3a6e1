package org.healthycities.evaluation;

import java.io.IOException;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.healthycities.network.NetworkDirectory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

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
    private final MessageSource messages;
    private final DocumentService documents;

    CoordinatorController(EvaluationService evaluations, ReportService reports, NetworkDirectory networks,
                          MessageSource messages, DocumentService documents) {
        this.evaluations = evaluations;
        this.documents = documents;
        this.reports = reports;
        this.networks = networks;
        this.messages = messages;
    }

    @GetMapping("/evaluation/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        return evaluations.open(token)
                .map(e -> page(token, e, EvaluationInput.of(e), List.of(), model))
                .orElseGet(() -> invalid(response));
    }

    @PostMapping("/evaluation/{token}")
    String save(@PathVariable String token, @RequestParam MultiValueMap<String, String> params,
                @RequestParam(name = "document", required = false) MultipartFile document,
                @RequestParam(name = "action", defaultValue = "save") String action,
                Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response)
            throws IOException {
        var opened = evaluations.open(token);
        if (opened.isEmpty()) {
            return invalid(response);
        }
        MemberEvaluation e = opened.get();
        EvaluationService.FormContext ctx = evaluations.context(e);
        EvaluationInput input = EvaluationInput.parse(params, ctx.goalIds());
        switch (action) {
            case "addActivity" -> {
                input.addBlankActivity();
                return page(token, e, input, List.of(), model);
            }
            case "carryOver" -> {
                List<String> chosen = params.getOrDefault("carry", List.of());
                ctx.lastYear().stream().filter(a -> chosen.contains(a.getId().toString())).forEach(a ->
                        input.activities.add(new EvaluationInput.ActivityInput(a.getTitle(),
                                a.getGoalId() != null && ctx.goalIds().contains(a.getGoalId()) ? a.getGoalId().toString() : "",
                                ActivityStatus.ONGOING.name(), EvaluationInput.nz(a.getPartners()),
                                List.copyOf(a.getSdgs()), a.getId().toString())));
                model.addAttribute("carried", true);
                return page(token, e, input, List.of(), model);
            }
            default -> {
                // the spare blank row is not an activity
                input.dropBlankActivities();
                boolean submit = "submit".equals(action);
                boolean hasFile = document != null && !document.isEmpty();
                ReadUpload upload = hasFile ? documents.read(document) : null; // before the save's transaction
                EvaluationService.SaveResult result = evaluations.save(e.getId(), input, submit, upload);
                if (result.outcome() == EvaluationService.Outcome.INVALID || result.outcome() == EvaluationService.Outcome.STALE) {
                    return page(token, e, input, result.problems(), model);
                }
                redirect.addFlashAttribute("outcome", result.outcome().name());
                return "redirect:/evaluation/" + token;
            }
        }
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

    private String page(String token, MemberEvaluation e, EvaluationInput input, List<EvaluationInput.Problem> problems,
                        Model model) {
        EvaluationService.FormContext ctx = evaluations.context(e);
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (EvaluationInput.Problem p : problems) {
            String text = messages.getMessage(p.messageKey(), p.args(),
                    messages.getMessage("evaluation.error.document", null, locale), locale);
            if (p.field() == null) {
                general.add(text);
            } else {
                errors.putIfAbsent(p.field(), text);
            }
        }
        if (input.activities.isEmpty() || !input.activities.get(input.activities.size() - 1).blank()) {
            input.addBlankActivity(); // one spare row, so a new activity needs no script
        }
        model.addAttribute("token", token);
        model.addAttribute("evaluation", e);
        model.addAttribute("network", networks.network(e.getNetworkId()).orElseThrow());
        model.addAttribute("ctx", ctx);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("generalErrors", general);
        model.addAttribute("progressValues", Progress.values());
        model.addAttribute("activityStatuses", ActivityStatus.values());
        model.addAttribute("locale", locale);
        return "evaluation/form";
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "evaluation/link-invalid";
    }
}
