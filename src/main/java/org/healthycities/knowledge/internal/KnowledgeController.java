package org.healthycities.knowledge.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.documents.DocumentDownloads;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.security.PublicPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge bank's pages. The secretariat reads its networks' bank at /knowledge (login); a member's contact
 * reads its network's at /bank/{network} after signing in by a mailed link; anyone reads what the secretariat made
 * public at /bank/{network}/public and its Atom feed. One set of pages, the reader deciding what they show.
 */
@Controller
class KnowledgeController {

    static final String COOKIE = "HC-BANK";

    private final KnowledgePages pages;
    private final KnowledgeService knowledge;
    private final KnowledgeSignIns signIns;
    private final KnowledgeFeed feed;
    private final NetworkDirectory directory;
    private final DocumentService documents;
    private final DocumentDownloads downloads;

    KnowledgeController(KnowledgePages pages, KnowledgeService knowledge, KnowledgeSignIns signIns, KnowledgeFeed feed,
                        NetworkDirectory directory, DocumentService documents, DocumentDownloads downloads) {
        this.pages = pages;
        this.knowledge = knowledge;
        this.signIns = signIns;
        this.feed = feed;
        this.directory = directory;
        this.documents = documents;
        this.downloads = downloads;
    }

    @Bean
    static PublicPaths knowledgeBankPaths() {
        return PublicPaths.of("/bank/**");
    }

    // ---- the secretariat ------------------------------------------------------------------------------------

    private Reader staff(CurrentUser user) {
        return Reader.secretariat(directory.visibleTo(user), user.getName());
    }

    @GetMapping("/knowledge")
    String staffSearch(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
                       @RequestParam Map<String, String> params, @RequestParam(defaultValue = "") String sort,
                       @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        return pages.search(staff(user), "/knowledge", KnowledgePages.query(q, params, sort, page), locale, model);
    }

    @GetMapping("/knowledge/items/{id}")
    String staffItem(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        Reader reader = staff(user);
        return pages.item(reader, "/knowledge", knowledge.item(reader, id).orElseThrow(NotFound::notFound), locale, model);
    }

    @GetMapping("/knowledge/items/{id}/document")
    ResponseEntity<InputStreamResource> staffDocument(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return document(staff(user), id);
    }

    @PostMapping("/knowledge/items/{id}/public")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "false") boolean shown, RedirectAttributes flash) {
        if (!knowledge.publish(staff(user), id, shown)) {
            throw NotFound.notFound();
        }
        flash.addFlashAttribute("saved", shown ? "knowledge.published" : "knowledge.unpublished");
        return "redirect:/knowledge/items/" + id;
    }

    @GetMapping("/knowledge/new")
    String staffNew(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String network,
                    Locale locale, Model model) {
        String networkId = staffNetwork(user, network, locale);
        PracticeForm form = new PracticeForm();
        form.setYear(knowledge.thisYear(networkId));
        return form(staff(user), networkId, "/knowledge", form, model);
    }

    @PostMapping("/knowledge/new")
    String staffAdd(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String network,
                    @Valid @ModelAttribute("form") PracticeForm form, BindingResult errors, Locale locale, Model model,
                    RedirectAttributes flash) throws IOException {
        String networkId = staffNetwork(user, network, locale);
        return add(staff(user), networkId, "/knowledge", form, errors, model, flash);
    }

    @GetMapping({"/knowledge/export.csv", "/knowledge/export.xlsx"})
    void export(@AuthenticationPrincipal CurrentUser user, Locale locale, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        response.setContentType(xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"knowledge" + (xlsx ? ".xlsx\"" : ".csv\""));
        knowledge.export(staff(user), xlsx, locale, response.getOutputStream());
    }

    private String staffNetwork(CurrentUser user, String network, Locale locale) {
        String id = network != null ? network : directory.defaultFor(user, locale).orElseThrow(NotFound::notFound);
        if (!directory.visibleTo(user).contains(id)) {
            throw NotFound.notFound();
        }
        return id;
    }

    // ---- a member's contact -----------------------------------------------------------------------------------

    private Network network(String networkId) {
        return directory.network(networkId).orElseThrow(NotFound::notFound);
    }

    private Optional<Reader> contact(String networkId, String cookie) {
        network(networkId);
        return cookie == null ? Optional.empty() : signIns.reader(networkId, cookie);
    }

    @GetMapping("/bank/{networkId}")
    String bank(@PathVariable String networkId, @CookieValue(name = COOKIE, required = false) String cookie,
                @RequestParam(defaultValue = "") String q, @RequestParam Map<String, String> params,
                @RequestParam(defaultValue = "") String sort, @RequestParam(defaultValue = "0") int page,
                Locale locale, Model model) {
        Optional<Reader> reader = contact(networkId, cookie);
        if (reader.isEmpty()) {
            return signInPage(networkId, model);
        }
        model.addAttribute("network", network(networkId));
        return pages.search(reader.get(), "/bank/" + networkId, KnowledgePages.query(q, params, sort, page), locale, model);
    }

    private String signInPage(String networkId, Model model) {
        model.addAttribute("network", network(networkId));
        return "knowledge/sign-in";
    }

    /** A page of the bank without a (living) sign-in: the sign-in page, answered as "unauthorized". */
    private String signInFirst(String networkId, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return signInPage(networkId, model);
    }

    @PostMapping("/bank/{networkId}/sign-in")
    String signIn(@PathVariable String networkId, @RequestParam(defaultValue = "") String email, Locale locale,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        network(networkId);
        model.addAttribute("email", email);
        if (email.isBlank()) {
            model.addAttribute("missing", true);
        } else if (!signIns.request(networkId, email, request.getRemoteAddr(), locale)) {
            response.setStatus(429);
            response.setHeader("Retry-After", "3600");
            model.addAttribute("tooMany", true);
        } else {
            model.addAttribute("sent", true);
        }
        return signInPage(networkId, model);
    }

    @GetMapping("/bank/{networkId}/s/{token}")
    String link(@PathVariable String networkId, @PathVariable String token, HttpServletResponse response, Model model) {
        model.addAttribute("network", network(networkId));
        model.addAttribute("token", token);
        if (!signIns.usable(networkId, token)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("invalid", true);
        }
        return "knowledge/link";
    }

    /** Using the link is a POST (a mail scanner's look at the link does not use it up). */
    @PostMapping("/bank/{networkId}/s/{token}")
    String useLink(@PathVariable String networkId, @PathVariable String token, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        network(networkId);
        Optional<String> reader = signIns.use(networkId, token);
        if (reader.isEmpty()) {
            model.addAttribute("network", network(networkId));
            model.addAttribute("invalid", true);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "knowledge/link";
        }
        response.addCookie(cookie(networkId, reader.get(), (int) KnowledgeSignIns.READER_LIFE.toSeconds(), request));
        return "redirect:/bank/" + networkId;
    }

    @PostMapping("/bank/{networkId}/sign-out")
    String signOut(@PathVariable String networkId, @CookieValue(name = COOKIE, required = false) String cookie,
                   HttpServletRequest request, HttpServletResponse response) {
        network(networkId);
        if (cookie != null) {
            signIns.signOut(cookie);
        }
        response.addCookie(cookie(networkId, "", 0, request));
        return "redirect:/bank/" + networkId + "?signedOut";
    }

    private static Cookie cookie(String networkId, String value, int maxAge, HttpServletRequest request) {
        Cookie c = new Cookie(COOKIE, value);
        c.setPath("/bank/" + networkId);
        c.setHttpOnly(true);
        c.setSecure(request.isSecure());
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Lax");
        return c;
    }

    @GetMapping("/bank/{networkId}/items/{id}")
    String bankItem(@PathVariable String networkId, @PathVariable long id,
                    @CookieValue(name = COOKIE, required = false) String cookie, Locale locale, Model model,
                    HttpServletResponse response) {
        Optional<Reader> reader = contact(networkId, cookie);
        if (reader.isEmpty()) {
            return signInFirst(networkId, model, response);
        }
        model.addAttribute("network", network(networkId));
        return pages.item(reader.get(), "/bank/" + networkId,
                knowledge.item(reader.get(), id).orElseThrow(NotFound::notFound), locale, model);
    }

    @GetMapping("/bank/{networkId}/items/{id}/document")
    ResponseEntity<InputStreamResource> bankDocument(@PathVariable String networkId, @PathVariable long id,
                                                     @CookieValue(name = COOKIE, required = false) String cookie) {
        return document(contact(networkId, cookie).orElseThrow(NotFound::notFound), id);
    }

    @GetMapping("/bank/{networkId}/new")
    String bankNew(@PathVariable String networkId, @CookieValue(name = COOKIE, required = false) String cookie,
                   Model model, HttpServletResponse response) {
        Optional<Reader> reader = contact(networkId, cookie);
        if (reader.isEmpty()) {
            return signInFirst(networkId, model, response);
        }
        PracticeForm form = new PracticeForm();
        form.setYear(knowledge.thisYear(networkId));
        form.setContactName(reader.get().name());
        form.setContactEmail(reader.get().email());
        model.addAttribute("network", network(networkId));
        return form(reader.get(), networkId, "/bank/" + networkId, form, model);
    }

    @PostMapping("/bank/{networkId}/new")
    String bankAdd(@PathVariable String networkId, @CookieValue(name = COOKIE, required = false) String cookie,
                   @Valid @ModelAttribute("form") PracticeForm form, BindingResult errors, Model model,
                   RedirectAttributes flash, HttpServletResponse response) throws IOException {
        Optional<Reader> reader = contact(networkId, cookie);
        if (reader.isEmpty()) {
            return signInFirst(networkId, model, response);
        }
        model.addAttribute("network", network(networkId));
        return add(reader.get(), networkId, "/bank/" + networkId, form, errors, model, flash);
    }

    // ---- anyone ---------------------------------------------------------------------------------------------------

    @GetMapping("/bank/{networkId}/public")
    String publicSearch(@PathVariable String networkId, @RequestParam(defaultValue = "") String q,
                        @RequestParam Map<String, String> params, @RequestParam(defaultValue = "") String sort,
                        @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        model.addAttribute("network", network(networkId));
        return pages.search(Reader.anyone(networkId), "/bank/" + networkId + "/public",
                KnowledgePages.query(q, params, sort, page), locale, model);
    }

    @GetMapping("/bank/{networkId}/public/items/{id}")
    String publicItem(@PathVariable String networkId, @PathVariable long id, Locale locale, Model model) {
        model.addAttribute("network", network(networkId));
        Reader reader = Reader.anyone(networkId);
        return pages.item(reader, "/bank/" + networkId + "/public",
                knowledge.item(reader, id).orElseThrow(NotFound::notFound), locale, model);
    }

    @GetMapping("/bank/{networkId}/public/items/{id}/document")
    ResponseEntity<InputStreamResource> publicDocument(@PathVariable String networkId, @PathVariable long id) {
        network(networkId);
        return document(Reader.anyone(networkId), id);
    }

    @GetMapping(value = "/bank/{networkId}/feed.atom", produces = "application/atom+xml;charset=UTF-8")
    @ResponseBody
    String atom(@PathVariable String networkId, Locale locale) {
        return feed.atom(network(networkId), locale);
    }

    // ---- shared by the readers ------------------------------------------------------------------------------------

    private ResponseEntity<InputStreamResource> document(Reader reader, long id) {
        KnowledgeItem item = knowledge.item(reader, id).filter(i -> i.getDocumentId() != null)
                .orElseThrow(NotFound::notFound);
        return downloads.download(item.getDocumentId(), d -> d.networkId().equals(item.getNetworkId()));
    }

    private String form(Reader reader, String networkId, String base, PracticeForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("base", base);
        model.addAttribute("networkId", networkId);
        model.addAttribute("reader", reader);
        model.addAttribute("options", knowledge.options(networkId, reader.isSecretariat()));
        return "knowledge/new";
    }

    private String add(Reader reader, String networkId, String base, PracticeForm form, BindingResult errors,
                       Model model, RedirectAttributes flash) throws IOException {
        MultipartFile document = form.getDocument();
        ReadUpload upload = document == null || document.isEmpty() ? null : documents.read(document);
        Optional<KnowledgeItem> added = errors.hasErrors() ? Optional.empty()
                : knowledge.add(reader, networkId, form, upload, errors);
        if (added.isEmpty()) {
            // a valid file chosen with a refused form must be chosen again: say so beside the field
            model.addAttribute("chooseAgain", upload != null && upload.refused().isEmpty());
            return form(reader, networkId, base, form, model);
        }
        flash.addFlashAttribute("saved", "knowledge.added");
        return "redirect:" + base + "/items/" + added.get().getId();
    }
}
