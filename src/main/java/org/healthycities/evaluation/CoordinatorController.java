package org.healthycities.evaluation;

import java.io.IOException;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.web.ErrorSummary;
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
            case "removeFile" -> {
                // forgets the file kept from a refused save; what was typed stays on the page
                evaluations.dropKeptUpload(e.getId());
                input.dropBlankActivities();
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
        for (EvaluationInput.Problem p : problems) {
            if (p.field() != null) {
                errors.putIfAbsent(p.field(), text(p, locale));
            }
        }
        if (input.activities.isEmpty() || !input.activities.get(input.activities.size() - 1).blank()) {
            input.addBlankActivity(); // one spare row, so a new activity needs no script
        }
        StoredDocument kept = evaluations.keptUpload(e.getId()).orElse(null);
        StoredDocument stored = evaluations.document(e.getDocumentId()).orElse(null);
        model.addAttribute("token", token);
        model.addAttribute("evaluation", e);
        model.addAttribute("network", networks.network(e.getNetworkId()).orElseThrow());
        model.addAttribute("ctx", ctx);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("errorSummary", errorSummary(ctx, input, problems, locale));
        model.addAttribute("sections", EvaluationSections.of(input, ctx.goalIds(), stored != null || kept != null));
        model.addAttribute("keptFile", kept);
        model.addAttribute("keptSize", kept == null ? null : sizeText(kept.size(), locale));
        model.addAttribute("storedFile", stored);
        model.addAttribute("storedSize", stored == null ? null : sizeText(stored.size(), locale));
        model.addAttribute("progressValues", Progress.values());
        model.addAttribute("activityStatuses", ActivityStatus.values());
        model.addAttribute("locale", locale);
        return "evaluation/form";
    }

    private String text(EvaluationInput.Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.args(),
                messages.getMessage("evaluation.error.document", null, locale), locale);
    }

    private String sizeText(long bytes, Locale locale) {
        return bytes < 1_048_576 ? messages.getMessage("documents.size.kb", new Object[] {bytes / 1024.0}, locale)
                : messages.getMessage("documents.size.mb", new Object[] {bytes / 1_048_576.0}, locale);
    }

    /** A problem's field key ("goal.7.progress") as the id of its element on the page. */
    static String elementId(String field) {
        return field.replace('.', '-');
    }

    /**
     * The summary in the order of the page: each strategic goal's fields, each activity's, the focus, the
     * inequality text, the wishes, the action plan. A goal's or an activity's field is always named with the
     * goal's or activity's number ("Strategic goal 2, Progress: ..."), since the same words come for each.
     */
    private ErrorSummary errorSummary(EvaluationService.FormContext ctx, EvaluationInput input,
                                      List<EvaluationInput.Problem> problems, Locale locale) {
        List<String> order = new ArrayList<>();
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (var g : ctx.goals()) {
            String goal = messages.getMessage("evaluation.where.goal", new Object[] {g.getPosition()}, locale);
            String f = "goal." + g.getId() + ".";
            order.add(elementId(f + "progress"));
            where.put(f + "progress", List.of(goal + ", " + messages.getMessage("evaluation.goal.progress.short", null, locale)));
            order.add(elementId(f + "whatDone"));
            where.put(f + "whatDone", List.of(goal + ", " + messages.getMessage("evaluation.goal.whatDone.short", null, locale)));
        }
        for (int i = 0; i < input.activities.size() + 1; i++) {
            String activity = messages.getMessage("evaluation.activity.legend", new Object[] {i + 1}, locale);
            for (String part : List.of("title", "goal", "status", "partners", "sdg")) {
                String f = "activity." + i + "." + part;
                order.add(elementId(f));
                where.put(f, List.of(activity + ", " + messages.getMessage(
                        "sdg".equals(part) ? "evaluation.activity.sdgs" : "evaluation.activity." + part, null, locale)));
            }
        }
        for (String[] f : new String[][] {{"activities", "evaluation.activities.title"}, {"sdg", "evaluation.sdgs"},
                {"sixP", "evaluation.sixPs"}, {"themeGroup", "evaluation.themeGroups"},
                {"inequality", "evaluation.inequality.short"}, {"wishes", "evaluation.wishes.short"},
                {"document", "evaluation.section.document"}}) {
            order.add(elementId(f[0]));
            where.put(f[0], List.of(messages.getMessage(f[1], null, locale)));
        }
        ErrorSummary.Builder summary = ErrorSummary.inOrder(order);
        for (EvaluationInput.Problem p : problems) {
            if (p.field() == null) {
                summary.add(null, (String) null, text(p, locale));
            } else {
                summary.add(elementId(p.field()), where.get(p.field()), text(p, locale));
            }
        }
        return summary.build();
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "evaluation/link-invalid";
    }
}
