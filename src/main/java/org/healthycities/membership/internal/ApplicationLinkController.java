package org.healthycities.membership.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.healthycities.documents.DocumentDownloads;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.UploadResult;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormViews;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.web.Dates;
import org.healthycities.web.ErrorSummary;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * The applicant's private page: where the application stands, answering questions, a new document, withdrawal.
 * The token opens exactly one application; an unknown and an expired token get the same page.
 */
@Controller
@RequestMapping("/application/{token}")
class ApplicationLinkController {


    private final Applications applications;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final LocaleResolver locales;
    private final FormCatalog forms;
    private final FormViews formViews;
    private final DocumentDownloads downloads;
    private final MessageSource messages;

    ApplicationLinkController(Applications applications, NetworkDirectory networks, DocumentService documents,
                              LocaleResolver locales, FormCatalog forms, FormViews formViews,
                              DocumentDownloads downloads,
                              MessageSource messages) {
        this.downloads = downloads;
        this.messages = messages;
        this.forms = forms;
        this.formViews = formViews;
        this.applications = applications;
        this.networks = networks;
        this.documents = documents;
        this.locales = locales;
    }

    /** Private pages are neither cached nor indexed. */
    @ModelAttribute
    void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }

    @GetMapping
    String show(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<Application> found = applications.byToken(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        Application a = found.get();
        // the applicant's language, unless they have chosen one here
        if (request.getParameter("lang") == null && WebUtils.getCookie(request, "hc-lang") == null) {
            locales.setLocale(request, response, a.locale());
        }
        return page(a, token, locales.resolveLocale(request), model);
    }

    /** The answer, with forms/membership-supplement.form, rendered and checked by the forms engine. */
    @PostMapping("/answer")
    String answer(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        Optional<Application> found = applications.byToken(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        FormInput input = FormInput.fromRequest(request);
        List<FieldError> errors = applications.checkSupplement(input);
        if (!errors.isEmpty()) {
            Locale locale = locales.resolveLocale(request);
            model.addAttribute("supplementForm", formViews.retry(forms.latest(Applications.SUPPLEMENT_FORM), input,
                    errors, locale));
            response.setStatus(422);
            return page(found.get(), token, locale, model);
        }
        boolean done = applications.answer(found.get().getId(), input);
        redirect.addFlashAttribute("notice", done ? "membership.link.answered" : "membership.link.notAwaited");
        return "redirect:/application/" + token;
    }

    @PostMapping("/document")
    String document(@PathVariable String token, @RequestParam(name = "document", required = false) MultipartFile file,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect)
            throws IOException {
        Optional<Application> found = applications.byToken(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("documentError", "membership.link.document.required");
            return page(found.get(), token, locales.resolveLocale(request), model);
        }
        Optional<UploadResult.Refused> refused = applications.replaceDocument(found.get().getId(),
                documents.read(file));
        if (refused.isPresent()) {
            model.addAttribute("documentError", refused.get().messageKey());
            model.addAttribute("documentErrorArgs", refused.get().args().toArray());
            return page(applications.find(found.get().getId()).orElseThrow(), token, locales.resolveLocale(request), model);
        }
        redirect.addFlashAttribute("notice", "membership.link.document.sent");
        return "redirect:/application/" + token;
    }

    /** The applicant's own documents, and only those. */
    @GetMapping("/documents/{documentId}")
    ResponseEntity<?> download(@PathVariable String token, @PathVariable Long documentId,
                                                     HttpServletResponse response) {
        Optional<Application> found = applications.byToken(token);
        if (found.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String owner = String.valueOf(found.get().getId());
        return downloads.download(documentId,
                d -> Applications.OWNER_TYPE.equals(d.ownerType()) && owner.equals(d.ownerId()));
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable String token, @RequestParam(name = "confirm", defaultValue = "false") boolean confirm,
                    HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Application> found = applications.byToken(token);
        if (found.isEmpty()) {
            return invalid(response);
        }
        if (!confirm) {
            model.addAttribute("withdrawError", "membership.link.withdraw.confirm.required");
            return page(found.get(), token, locales.resolveLocale(request), model);
        }
        boolean done = applications.withdraw(found.get().getId());
        redirect.addFlashAttribute("notice", done ? "membership.link.withdrawn" : "membership.link.decided");
        return "redirect:/application/" + token;
    }

    private String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "membership/link-invalid";
    }

    /** One step of the indicator: done, current or to come, with the date it was reached. */
    record Step(ApplicationStatus.Step step, String state, String date) {
    }

    private String page(Application a, String token, Locale locale, Model model) {
        var network = networks.network(a.getNetworkId()).orElseThrow();
        model.addAttribute("app", a.facts(network));
        model.addAttribute("token", token);
        model.addAttribute("network", network);
        List<HistoryEntry> history = applications.history(a); // read once for the steps and what comes next
        model.addAttribute("steps", steps(a, history, locale));
        model.addAttribute("next", next(a, history, network.getZone(), locale));
        model.addAttribute("document", a.getDecisionDocumentId() == null ? null
                : documents.find(a.getDecisionDocumentId()).orElse(null));
        boolean waiting = a.getStatus() == ApplicationStatus.WAITING_FOR_APPLICANT;
        model.addAttribute("awaitingAnswer", waiting && a.getDocumentProblem() == null);
        if (waiting && a.getDocumentProblem() == null && !model.containsAttribute("supplementForm")) {
            model.addAttribute("supplementForm", formViews.blank(forms.latest(Applications.SUPPLEMENT_FORM), locale));
        }
        model.addAttribute("awaitingDocument", waiting && a.getDocumentProblem() != null);
        // the document's and the withdrawal's refusals in the same summary as every form's
        model.addAttribute("documentSummary", summary("document", "membership.link.document.file",
                (String) model.getAttribute("documentError"), (Object[]) model.getAttribute("documentErrorArgs"), locale));
        model.addAttribute("withdrawSummary", summary("confirm", "membership.link.withdraw",
                (String) model.getAttribute("withdrawError"), null, locale));
        return "membership/application";
    }

    /** What happens next and by when: a bundle key and its one argument (a date or a number of days). */
    record Next(String key, Object argument) {
    }

    private Next next(Application a, List<HistoryEntry> history, ZoneId zone, Locale locale) {
        Function<String, String> dueOf = kind -> history.stream()
                .filter(h -> h.kind.equals(kind) && h.due().isPresent())
                .reduce((first, second) -> second)
                .map(h -> Dates.date(h.due().get().atZone(zone).toLocalDate(), locale))
                .orElse(null);
        return switch (a.getStatus()) {
            case SUBMITTED -> applications.plannedTime("review")
                    .map(p -> new Next("membership.next.SUBMITTED", days(p))).orElse(null);
            case IN_REVIEW -> Optional.ofNullable(dueOf.apply("REVIEW_STARTED"))
                    .map(d -> new Next("membership.next.IN_REVIEW", d)).orElse(null);
            case WITH_BOARD -> Optional.ofNullable(dueOf.apply("BOARD_STARTED"))
                    .map(d -> new Next("membership.next.WITH_BOARD", d)).orElse(null);
            case APPROVED -> new Next("membership.next.APPROVED", "");
            default -> null;
        };
    }

    static int days(Period period) {
        return period.getYears() * 365 + period.getMonths() * 30 + period.getDays();
    }

    private ErrorSummary summary(String field, String labelKey, String errorKey, Object[] args, Locale locale) {
        if (errorKey == null) {
            return ErrorSummary.EMPTY;
        }
        return ErrorSummary.inOrder(List.of(field)).add(field, messages.getMessage(labelKey, null, locale),
                messages.getMessage(errorKey, args, locale)).build();
    }

    private List<Step> steps(Application a, List<HistoryEntry> history, Locale locale) {
        ZoneId zone = networks.network(a.getNetworkId()).map(Network::getZone).orElse(ZoneOffset.UTC);
        Map<ApplicationStatus.Step, Instant> reached = new EnumMap<>(ApplicationStatus.Step.class);
        reached.put(ApplicationStatus.Step.RECEIVED, a.getSubmittedAt());
        for (HistoryEntry h : history) {
            switch (h.kind) {
                case "REVIEW_STARTED", "CODE_CHECK_STARTED" -> reached.put(ApplicationStatus.Step.IN_REVIEW, h.occurredAt);
                case "QUESTIONS_SENT", "DOCUMENT_REQUESTED" -> reached.put(ApplicationStatus.Step.WAITING_FOR_YOU, h.occurredAt);
                case "BOARD_STARTED" -> reached.put(ApplicationStatus.Step.WITH_BOARD, h.occurredAt);
                default -> { }
            }
        }
        if (a.getDecidedAt() != null) {
            reached.put(ApplicationStatus.Step.DECIDED, a.getDecidedAt());
        }
        ApplicationStatus.Step current = a.getStatus().step();
        List<Step> steps = new ArrayList<>();
        for (ApplicationStatus.Step s : ApplicationStatus.Step.values()) {
            String state = s == current ? "current" : s.ordinal() < current.ordinal() ? "done" : "todo";
            Instant when = reached.get(s);
            // a step not taken is not shown as done (rejected before the board), and nobody waits for the
            // applicant unless the secretariat asked
            boolean skipped = "done".equals(state) && when == null && s != ApplicationStatus.Step.RECEIVED;
            boolean neverAsked = s == ApplicationStatus.Step.WAITING_FOR_YOU && when == null && s != current;
            if (skipped || neverAsked) {
                continue;
            }
            // a date only for steps reached on the way to where it is now
            steps.add(new Step(s, state, when == null || "todo".equals(state) ? null : Dates.date(when.atZone(zone).toLocalDate(), locale)));
        }
        return steps;
    }
}
