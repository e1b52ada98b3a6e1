package org.healthycities.membership;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.security.NotFound;
import org.healthycities.web.ErrorSummary;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
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
                    Validator validator, DocumentService documents) {
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
        String pageKey = RECEIPT_KEY.matcher(nz(form.getIdempotencyKey())).matches() ? form.getIdempotencyKey() : null;
        if ("search".equals(action) || "removeFile".equals(action)) {
            if ("removeFile".equals(action) && pageKey != null) {
                applications.dropKeptUpload(pageKey);
            }
            model.addAttribute("searched", "search".equals(action));
            // a search (or removing the kept file) is not a submit: no error messages yet
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
        boolean hasFile = file != null && !file.isEmpty();
        // read (by content, outside any transaction) before anything is decided
        ReadUpload upload = hasFile ? documents.read(file) : null;
        Optional<StoredDocument> kept = pageKey == null ? Optional.empty()
                : applications.keptUpload(network.getId(), pageKey);
        if (!hasFile && kept.isEmpty()) {
            model.addAttribute("documentError", "membership.document.required");
        }
        if (errors.hasErrors() || (!hasFile && kept.isEmpty())) {
            if (hasFile && upload.refused().isEmpty() && pageKey != null) {
                // kept for the next submit, so the applicant need not choose the file again
                applications.keepUpload(network.getId(), pageKey, upload);
            } else if (hasFile) {
                model.addAttribute("fileAgain", true);
            }
            return page(network, form, model);
        }
        String consent = messages.getMessage("membership.consent.text", new Object[] {network.getName()}, locale);
        try {
            applications.submit(network.getId(), form, locale, consent, upload,
                    hasFile ? null : kept.map(StoredDocument::id).orElse(null));
            if (hasFile && pageKey != null) {
                applications.dropKeptUpload(pageKey);
            }
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

    private String page(Network network, ApplicationForm form, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        Object result = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        FieldError codeError = result instanceof BindingResult r ? r.getFieldError("municipalityCode") : null;
        model.addAttribute("codeError", codeError == null ? null : messages.getMessage(codeError, locale));
        boolean hasList = networks.countPossibleMembers(network.getId()) > 0;
        model.addAttribute("network", network);
        model.addAttribute("form", form);
        model.addAttribute("accession", network.isAccessionQuestions());
        model.addAttribute("hasList", hasList);
        model.addAttribute("themeGroups", networks.themeGroups(network.getId()).stream().filter(g -> g.isActive()).toList());
        if (!model.containsAttribute("choices")) {
            model.addAttribute("choices", choices(network.getId(), form.getMunicipalitySearch(), form.getMunicipalityCode()));
        }
        String key = form.getIdempotencyKey();
        StoredDocument kept = key != null && RECEIPT_KEY.matcher(key).matches()
                ? applications.keptUpload(network.getId(), key).orElse(null) : null;
        model.addAttribute("keptFile", kept);
        model.addAttribute("keptSize", kept == null ? null : sizeText(kept.size(), messages, locale));
        model.addAttribute("errorSummary", errorSummary(result instanceof BindingResult r ? r : null,
                (String) model.getAttribute("documentError"), (Object[]) model.getAttribute("documentErrorArgs"),
                hasList, network.isAccessionQuestions(), locale));
        return "membership/apply";
    }

    /**
     * The form's fields top to bottom: the element id the summary links to, the section's and the field's label.
     * Contacts share their labels (name, e-mail, phone), so the section tells them apart.
     */
    private static List<String[]> fieldOrder(boolean hasList, boolean accession) {
        List<String[]> order = new ArrayList<>();
        String municipality = "membership.section.municipality";
        if (hasList) {
            order.add(new String[] {"municipalityCode", "municipalityCode", municipality, "membership.municipality.choices"});
            order.add(new String[] {"otherMunicipalityCode", "otherCode", municipality, "membership.field.municipalityCode"});
            order.add(new String[] {"municipalityName", "municipalityName", municipality, "membership.field.municipalityName"});
        } else {
            order.add(new String[] {"municipalityName", "municipalityName", municipality, "membership.field.municipalityName"});
            order.add(new String[] {"municipalityCode", "municipalityCode", municipality, "membership.field.municipalityCode"});
        }
        order.add(new String[] {"population", "population", municipality, "membership.field.population"});
        for (String who : List.of("political", "admin", "coordinator")) {
            String section = "membership.section." + who;
            String prefix = who.equals("political") ? "politicalContact" : who.equals("admin") ? "adminContact" : "coordinator";
            order.add(new String[] {prefix + "Name", prefix + "Name", section, "membership.field.name"});
            order.add(new String[] {prefix + "Email", prefix + "Email", section, "membership.field.email"});
            order.add(new String[] {prefix + "Phone", prefix + "Phone", section, "membership.field.phone"});
        }
        String decision = "membership.section.decision";
        order.add(new String[] {"decisionDate", "decisionDate", decision, "membership.field.decisionDate"});
        order.add(new String[] {"decisionBody", "decisionBody", decision, "membership.field.decisionBody"});
        order.add(new String[] {"decisionDocument", "decisionDocument", decision,
                accession ? "membership.field.accessionDocument" : "membership.field.decisionDocument"});
        order.add(new String[] {"accessionSignedByMayor", "accessionSignedByMayor", decision, "membership.field.accessionSignedByMayor"});
        order.add(new String[] {"mayorName", "mayorName", decision, "membership.field.mayorName"});
        order.add(new String[] {"coordinatorJoinsAssembly", "coordinatorJoinsAssembly", decision, "membership.field.coordinatorJoinsAssembly"});
        String motivation = "membership.section.motivation";
        order.add(new String[] {"motivation", "motivation", motivation, "membership.field.motivation"});
        order.add(new String[] {"themeGroupIds", "themeGroupIds", motivation, "membership.field.themeGroups"});
        order.add(new String[] {"consent", "consent", "membership.section.consent", "membership.section.consent"});
        return order;
    }

    private ErrorSummary errorSummary(BindingResult result, String documentError, Object[] documentErrorArgs,
                                      boolean hasList, boolean accession, Locale locale) {
        List<String[]> order = fieldOrder(hasList, accession);
        ErrorSummary.Builder summary = ErrorSummary.inOrder(order.stream().map(f -> f[1]).toList());
        Map<String, String[]> byField = new HashMap<>();
        order.forEach(f -> byField.put(f[0], f));
        if (result != null) {
            for (FieldError e : result.getFieldErrors()) {
                String[] f = byField.get(e.getField());
                String text = messages.getMessage(e, locale);
                if (f == null) {
                    summary.add(null, (String) null, text);
                } else {
                    summary.add(f[1], where(f, locale), text);
                }
            }
            result.getGlobalErrors().forEach(e -> summary.add(null, (String) null, messages.getMessage(e, locale)));
        }
        if (documentError != null) {
            String[] f = byField.get("decisionDocument");
            summary.add(f[1], where(f, locale), messages.getMessage(documentError, documentErrorArgs, locale));
        }
        return summary.build();
    }

    /**
     * A field's name in the summary: a contact's fields always with the contact ("Political contact, E-mail"),
     * since each contact has the same three; other fields by their label, with their section only if two lines
     * would otherwise read alike.
     */
    private List<String> where(String[] f, Locale locale) {
        String section = messages.getMessage(f[2], null, locale);
        String label = messages.getMessage(f[3], null, locale);
        boolean contact = f[2].endsWith(".political") || f[2].endsWith(".admin") || f[2].endsWith(".coordinator");
        return contact ? List.of(section + ", " + label) : List.of(section, label);
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
