package org.healthycities.membership;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.healthycities.documents.DocumentService;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.WebUtils;

/** The public application: choose the network, fill in the form, get a receipt. No account needed. */
@Controller
class ApplyController {

    private static final int CHOICES = 12;

    private final NetworkDirectory networks;
    private final Applications applications;
    private final MessageSource messages;
    private final SpringValidatorAdapter validator;
    private final DocumentService documents;

    ApplyController(NetworkDirectory networks, Applications applications, MessageSource messages,
                    jakarta.validation.Validator validator, DocumentService documents) {
        this.documents = documents;
        this.networks = networks;
        this.applications = applications;
        this.messages = messages;
        this.validator = new SpringValidatorAdapter(validator);
    }

    @GetMapping("/apply")
    String chooseNetwork(Model model) {
        model.addAttribute("networks", networks.networks());
        return "membership/apply-networks";
    }

    @GetMapping("/apply/{networkId}")
    String form(@PathVariable String networkId, HttpServletRequest request, Model model) {
        Network network = network(networkId);
        // someone who has not chosen a language sees the network's own
        if (request.getParameter("lang") == null && WebUtils.getCookie(request, "hc-lang") == null
                && !"da".equals(network.getLanguage())) {
            return "redirect:/apply/" + networkId + "?lang=" + network.getLanguage();
        }
        ApplicationForm form = new ApplicationForm();
        form.setIdempotencyKey(receiptKey());
        return page(network, form, model);
    }

    /** The municipality search, as the applicant types (htmx) or with the search button (no JavaScript). */
    @GetMapping("/apply/{networkId}/municipalities")
    String municipalities(@PathVariable String networkId,
                          @RequestParam(name = "municipalitySearch", defaultValue = "") String query,
                          @RequestParam(name = "municipalityCode", required = false) String selected, Model model) {
        Network network = network(networkId);
        ApplicationForm form = new ApplicationForm();
        form.setMunicipalitySearch(query);
        form.setMunicipalityCode(selected);
        model.addAttribute("form", form);
        model.addAttribute("choices", choices(network.getId(), query, selected));
        model.addAttribute("searched", !query.isBlank());
        return "membership/apply :: choices";
    }

    @PostMapping("/apply/{networkId}")
    String submit(@PathVariable String networkId, @ModelAttribute("form") ApplicationForm form,
                  BindingResult errors, @RequestParam(name = "decisionDocument", required = false) MultipartFile file,
                  @RequestParam(name = "action", required = false) String action, Locale locale, Model model)
            throws IOException {
        Network network = network(networkId);
        if ("search".equals(action)) {
            model.addAttribute("searched", true);
            // a search is not a submit: no error messages yet
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form",
                    new BeanPropertyBindingResult(form, "form"));
            return page(network, form, model);
        }
        form.takeOtherCode();
        validator.validate(form, errors);
        // a second click or a reload of the same page: show the first application's receipt
        if (applications.byIdempotencyKey(form.getIdempotencyKey()).isPresent()) {
            return "redirect:/apply/received/" + form.getIdempotencyKey();
        }
        applications.validate(network.getId(), form, errors);
        boolean noFile = file == null || file.isEmpty();
        if (noFile) {
            model.addAttribute("documentError", "membership.document.required");
        }
        if (errors.hasErrors() || noFile) {
            model.addAttribute("fileAgain", !noFile);
            return page(network, form, model);
        }
        String consent = messages.getMessage("membership.consent.text", new Object[] {network.getName()}, locale);
        try {
            applications.submit(network.getId(), form, locale, consent,
                    documents.read(file));
        } catch (Applications.UploadRefused refused) {
            model.addAttribute("documentError", refused.refused.messageKey());
            model.addAttribute("documentErrorArgs", refused.refused.args().toArray());
            return page(network, form, model);
        } catch (DataIntegrityViolationException sameKeyAtOnce) {
            // two submits at the same moment: the other one made the application
            if (applications.byIdempotencyKey(form.getIdempotencyKey()).isEmpty()) {
                throw sameKeyAtOnce;
            }
        }
        return "redirect:/apply/received/" + form.getIdempotencyKey();
    }

    /**
     * The form's idempotency key doubles as the receipt's link, so it is as random as a private link (256
     * bits). Keys of applications made through the API ("process:" + a guessable engine id) open no receipt.
     */
    static String receiptKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private static final java.util.regex.Pattern RECEIPT_KEY = java.util.regex.Pattern.compile(
            "[A-Za-z0-9_-]{43}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");

    @GetMapping("/apply/received/{key}")
    String received(@PathVariable String key, Model model) {
        Application a = (RECEIPT_KEY.matcher(key).matches() ? applications.byIdempotencyKey(key)
                : Optional.<Application>empty())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("reference", a.reference);
        model.addAttribute("municipalityName", a.municipalityName);
        model.addAttribute("network", network(a.networkId));
        model.addAttribute("email", a.adminContactEmail);
        model.addAttribute("documentProblem", a.documentProblem);
        // what happens next, with the times the diagram gives the secretariat and the board
        model.addAttribute("reviewDays", applications.plannedTime("review").map(ApplicationLinkController::days).orElse(null));
        model.addAttribute("boardDays", applications.plannedTime("board").map(ApplicationLinkController::days).orElse(null));
        return "membership/received";
    }

    private String page(Network network, ApplicationForm form, Model model) {
        Object result = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        FieldError codeError = result instanceof BindingResult r ? r.getFieldError("municipalityCode") : null;
        model.addAttribute("codeError", codeError == null ? null
                : messages.getMessage(codeError, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        model.addAttribute("network", network);
        model.addAttribute("form", form);
        model.addAttribute("accession", network.isAccessionQuestions());
        model.addAttribute("hasList", networks.countPossibleMembers(network.getId()) > 0);
        model.addAttribute("themeGroups", networks.themeGroups(network.getId()).stream().filter(g -> g.isActive()).toList());
        if (!model.containsAttribute("choices")) {
            model.addAttribute("choices", choices(network.getId(), form.getMunicipalitySearch(), form.getMunicipalityCode()));
        }
        return "membership/apply";
    }

    /** The search results, with the chosen municipality kept first so a new search does not lose it. */
    private List<PossibleMember> choices(String networkId, String query, String selected) {
        List<PossibleMember> list = new ArrayList<>();
        Optional<PossibleMember> chosen = networks.possibleMember(networkId, selected);
        chosen.ifPresent(list::add);
        if (query != null && !query.isBlank()) {
            networks.searchPossibleMembers(networkId, query, CHOICES).stream()
                    .filter(p -> chosen.isEmpty() || !p.getCode().equals(chosen.get().getCode()))
                    .forEach(list::add);
        }
        return list;
    }

    private Network network(String id) {
        return networks.network(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
