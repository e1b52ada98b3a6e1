package org.healthycities.membership.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormView;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.security.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.WebUtils;

/** The public application: choose the network, fill in the form, get a receipt. No account needed. */
@Controller
class ApplyController {

    private static final int CHOICES = 12;
    /** The decision document's field in the form; the file itself is posted beside the form's inputs. */
    private static final String DOCUMENT = "decisionDocument";
    /** The chosen municipality, as the form's input for its code. */
    private static final String CODE_PARAMETER = FormInput.PREFIX + "municipalityCode";

    private final NetworkDirectory networks;
    private final Applications applications;
    private final MessageSource messages;
    private final DocumentService documents;

    ApplyController(NetworkDirectory networks, Applications applications, MessageSource messages,
                    DocumentService documents) {
        this.documents = documents;
        this.networks = networks;
        this.applications = applications;
        this.messages = messages;
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
        return page(network, FormInput.empty(), List.of(), receiptKey(), null, model);
    }

    /** The municipality search, as the applicant types (htmx) or with the search button (no JavaScript). */
    @GetMapping("/apply/{networkId}/municipalities")
    String municipalities(@PathVariable String networkId,
                          @RequestParam(name = "municipalitySearch", defaultValue = "") String query,
                          @RequestParam(name = CODE_PARAMETER, required = false) String selected, Model model) {
        Network network = network(networkId);
        model.addAttribute("selectedCode", selected);
        model.addAttribute("choices", choices(network.getId(), query, selected));
        model.addAttribute("searched", !query.isBlank());
        return "membership/application-form :: choices";
    }

    /**
     * The application as forms/membership-application.form describes it (inputs named f.key), with the
     * municipality search, the decision document and the page's key beside it.
     */
    @PostMapping("/apply/{networkId}")
    String submit(@PathVariable String networkId, @RequestParam(name = "idempotencyKey", required = false) String key,
                  @RequestParam(name = "municipalitySearch", required = false) String search,
                  @RequestParam(name = "otherMunicipalityCode", required = false) String otherCode,
                  @RequestParam(name = "decisionDocument", required = false) MultipartFile file,
                  @RequestParam(name = "action", required = false) String action, HttpServletRequest request,
                  Locale locale, Model model) throws IOException {
        Network network = network(networkId);
        // a page without its key (or with a forged one) gets a new key: its receipt can then be opened
        String pageKey = RECEIPT_KEY.matcher(nz(key)).matches() ? key : receiptKey();
        FormInput input = withOtherCode(FormInput.fromRequest(request), otherCode);
        model.addAttribute("municipalitySearch", search);
        model.addAttribute("otherMunicipalityCode", otherCode);
        if ("search".equals(action) || "removeFile".equals(action)) {
            if ("removeFile".equals(action)) {
                applications.dropKeptUpload(pageKey);
            }
            model.addAttribute("searched", "search".equals(action));
            // a search (or removing the kept file) is not a submit: no error messages yet
            return page(network, input, List.of(), pageKey, search, model);
        }
        Applications.Checked checked = applications.checkSubmit(network.getId(), input, pageKey, locale);
        // a second click or a reload of the same page: show the first application's receipt
        if (checked.earlier().isPresent()) {
            return "redirect:/apply/received/" + pageKey;
        }
        List<FieldError> errors = new ArrayList<>(checked.errors());
        boolean hasFile = file != null && !file.isEmpty();
        // read (by content, outside any transaction) before anything is decided
        ReadUpload upload = hasFile ? documents.read(file) : null;
        Optional<StoredDocument> kept = checked.kept();
        if (!hasFile && kept.isEmpty()) {
            errors.add(new FieldError(DOCUMENT, "membership.document.required"));
        }
        if (!errors.isEmpty()) {
            if (hasFile && upload.refused().isEmpty()) {
                // kept for the next submit, so the applicant need not choose the file again
                applications.keepUpload(network.getId(), pageKey, upload);
            } else if (hasFile) {
                model.addAttribute("fileAgain", true);
            }
            return page(network, input, errors, pageKey, search, model);
        }
        try {
            applications.submit(network.getId(), ApplicationAnswers.of(input), pageKey, locale, checked.consentText(),
                    upload, hasFile ? null : kept.map(StoredDocument::id).orElse(null));
            if (hasFile && kept.isPresent()) {
                applications.dropKeptUpload(pageKey); // the new file replaces the one kept
            }
        } catch (Applications.UploadRefused refused) {
            return page(network, input, List.of(new FieldError(DOCUMENT, refused.refused.messageKey(),
                    refused.refused.args().toArray())), pageKey, search, model);
        } catch (DataIntegrityViolationException sameKeyAtOnce) {
            // two submits at the same moment: the other one made the application
            if (applications.byIdempotencyKey(pageKey).isEmpty()) {
                throw sameKeyAtOnce;
            }
        }
        return "redirect:/apply/received/" + pageKey;
    }

    /** The code typed by hand counts when none was chosen from the network's list. */
    private static FormInput withOtherCode(FormInput input, String otherCode) {
        boolean chosen = input.get("municipalityCode").stream().anyMatch(v -> v != null && !v.isBlank());
        if (chosen || otherCode == null || otherCode.isBlank()) {
            return input;
        }
        Map<String, List<String>> values = new LinkedHashMap<>(input.values());
        values.put("municipalityCode", List.of(otherCode.trim()));
        return new FormInput(values, input.uploads());
    }

    /** A file's size as people read it (120 kB, 2.5 MB), from the documents' own texts. */
    static String sizeText(long bytes, MessageSource messages, Locale locale) {
        return bytes < 1_048_576 ? messages.getMessage("documents.size.kb", new Object[] {bytes / 1024.0}, locale)
                : messages.getMessage("documents.size.mb", new Object[] {bytes / 1_048_576.0}, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * The form's idempotency key doubles as the receipt's link, so it is as random as a private link (256
     * bits). Keys of applications made through the API ("process:" + a guessable engine id) open no receipt.
     */
    static String receiptKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern RECEIPT_KEY = Pattern.compile(
            "[A-Za-z0-9_-]{43}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");

    @GetMapping("/apply/received/{key}")
    String received(@PathVariable String key, Model model) {
        Application a = (RECEIPT_KEY.matcher(key).matches() ? applications.byIdempotencyKey(key)
                : Optional.<Application>empty())
                .orElseThrow(() -> NotFound.notFound());
        model.addAttribute("reference", a.getReference());
        model.addAttribute("municipalityName", a.getMunicipalityName());
        model.addAttribute("network", network(a.getNetworkId()));
        model.addAttribute("email", a.getAdminContactEmail());
        model.addAttribute("documentProblem", a.getDocumentProblem());
        // what happens next, with the times the diagram gives the secretariat and the board
        model.addAttribute("reviewDays", applications.plannedTime("review").map(ApplicationLinkController::days).orElse(null));
        model.addAttribute("boardDays", applications.plannedTime("board").map(ApplicationLinkController::days).orElse(null));
        return "membership/received";
    }

    private String page(Network network, FormInput input, List<FieldError> errors, String pageKey, String search,
                        Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        FormView view = applications.view(network.getId(), input, errors, locale);
        String code = input.get("municipalityCode").stream().findFirst().orElse(null);
        model.addAttribute("network", network);
        model.addAttribute("formView", view);
        model.addAttribute("pageKey", pageKey);
        model.addAttribute("accession", network.isAccessionQuestions());
        model.addAttribute("hasList", networks.countPossibleMembers(network.getId()) > 0);
        model.addAttribute("selectedCode", code);
        model.addAttribute("codeError", view.fieldsByKey().get("municipalityCode").error());
        model.addAttribute("choices", choices(network.getId(), search, code));
        StoredDocument kept = applications.keptUpload(network.getId(), pageKey).orElse(null);
        model.addAttribute("keptFile", kept);
        model.addAttribute("keptSize", kept == null ? null : sizeText(kept.size(), messages, locale));
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
        return networks.network(id).orElseThrow(() -> NotFound.notFound());
    }
}
