package org.healthycities.forms.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.healthycities.forms.DesignedForm;
import org.healthycities.forms.FormDesigner;
import org.healthycities.forms.FormSchemaCheck;
import org.healthycities.forms.FormViews;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.ErrorSummary;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.healthycities.security.NotFound;

/**
 * The secretariat's form designer pages: the list with new and imported forms, the editor (form-js, saving its
 * schema as JSON), publication, export, preview as coordinators and Tasklist see the form, translations.
 */
@Controller
class FormDesignerController {

    private final FormDesigner designer;
    private final FormViews views;
    private final NetworkDirectory directory;
    private final MessageSource messages;

    FormDesignerController(FormDesigner designer, FormViews views, NetworkDirectory directory, MessageSource messages) {
        this.designer = designer;
        this.views = views;
        this.directory = directory;
        this.messages = messages;
    }

    private Set<String> networks(CurrentUser user) {
        return directory.visibleTo(user);
    }

    private DesignedForm form(CurrentUser user, long id) {
        return designer.form(networks(user), id).orElseThrow(() -> NotFound.notFound());
    }

    @GetMapping("/forms/designer")
    String list(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        Set<String> networks = networks(user);
        model.addAttribute("forms", designer.forms(networks));
        model.addAttribute("networks", directory.networks().stream().filter(n -> networks.contains(n.getId())).toList());
        model.addAttribute("networkNames", networkNames());
        model.addAttribute("defaultNetwork", model.getAttribute("networkId") != null ? model.getAttribute("networkId")
                : directory.defaultFor(user, locale).orElse(""));
        return "forms/designer-list";
    }

    @PostMapping("/forms/designer")
    String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String networkId,
                  @RequestParam(defaultValue = "") String title, Locale locale, Model model) {
        FormDesigner.Outcome created = designer.create(networks(user), networkId, title, user.id());
        if (!created.ok()) {
            return refusedOnList(user, created, "new", networkId, title, locale, model);
        }
        return "redirect:/forms/designer/" + created.form().getId();
    }

    @PostMapping("/forms/designer/import")
    String importForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String networkId,
                      @RequestParam(defaultValue = "") String title, @RequestParam(required = false) MultipartFile file,
                      Locale locale, Model model, RedirectAttributes redirect) throws IOException {
        FormDesigner.Outcome imported = designer.importForm(networks(user), networkId, title, content(file), user.id());
        if (!imported.ok()) {
            return refusedOnList(user, imported, "import", networkId, title, locale, model);
        }
        redirect.addFlashAttribute("saved", "form.design.imported");
        return "redirect:/forms/designer/" + imported.form().getId();
    }

    private String refusedOnList(CurrentUser user, FormDesigner.Outcome outcome, String which, String networkId,
                                 String title, Locale locale, Model model) {
        model.addAttribute(which + "Summary", summary(outcome.errors(), which + "-", locale));
        model.addAttribute(which + "Title", title);
        model.addAttribute("networkId", networkId);
        return list(user, locale, model);
    }

    @GetMapping("/forms/designer/{id}")
    String designer(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale, Model model) {
        DesignedForm form = form(user, id);
        model.addAttribute("form", form);
        model.addAttribute("networkName", networkNames().getOrDefault(form.getNetworkId(), ""));
        model.addAttribute("notes", messages(FormSchemaCheck.check(
                form.getDraftJson().getBytes(StandardCharsets.UTF_8), form.getFormId()).tasklistNotes(), locale));
        return "forms/designer";
    }

    /** The editor's save: JSON in ({title, version, schema}), JSON out (the new version, or what was refused). */
    @PostMapping(path = "/forms/designer/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> saveDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                                  @RequestBody JsonNode body, Locale locale) {
        form(user, id);
        byte[] schema = body.path("schema").toString().getBytes(StandardCharsets.UTF_8);
        FormDesigner.Outcome saved = designer.saveDraft(networks(user), id, body.path("version").asInt(-1),
                body.path("title").asText(""), schema, user.id());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("saved", saved.ok());
        answer.put("conflict", saved.conflict());
        answer.put("version", saved.form().getVersion());
        answer.put("unpublished", saved.form().hasUnpublishedChanges());
        answer.put("message", messages.getMessage(saved.conflict() ? "form.design.conflict"
                : saved.ok() ? "form.design.saved" : "form.design.refused", new Object[]{saved.errors().size()}, locale));
        answer.put("errors", messages(saved.errors(), locale));
        answer.put("notes", messages(saved.tasklistNotes(), locale));
        return ResponseEntity.status(saved.ok() ? HttpStatus.OK : saved.conflict() ? HttpStatus.CONFLICT
                : HttpStatus.UNPROCESSABLE_ENTITY).body(answer);
    }

    /** A .form file as the new draft of this form (checked like a save from the editor). */
    @PostMapping("/forms/designer/{id}/draft-file")
    String importDraft(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
                       @RequestParam(required = false) MultipartFile file, Locale locale, Model model,
                       RedirectAttributes redirect) throws IOException {
        DesignedForm form = form(user, id);
        FormDesigner.Outcome saved = designer.saveDraft(networks(user), id, version, form.getTitle(), content(file),
                user.id());
        if (!saved.ok()) {
            model.addAttribute("fileSummary", conflictOr(saved, "file", locale));
            return designer(user, id, locale, model);
        }
        redirect.addFlashAttribute("saved", "form.design.imported");
        return "redirect:/forms/designer/" + id;
    }

    @PostMapping("/forms/designer/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int version,
                   Locale locale, Model model, RedirectAttributes redirect) {
        form(user, id);
        FormDesigner.Outcome published = designer.publish(networks(user), id, version, user.id());
        if (!published.ok()) {
            model.addAttribute("publishSummary", conflictOr(published, "publish", locale));
            return designer(user, id, locale, model);
        }
        redirect.addFlashAttribute("saved", "form.design.published");
        redirect.addFlashAttribute("publishedNumber", published.form().latest().orElseThrow().number());
        return "redirect:/forms/designer/" + id;
    }

    @GetMapping("/forms/designer/{id}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                  @RequestParam(required = false) Integer version) {
        DesignedForm form = form(user, id);
        if (version != null && form.version(version).isEmpty()) {
            throw NotFound.notFound();
        }
        String name = form.getFormId() + (version == null ? "-draft" : "-v" + version) + ".form";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(designer.export(form, version));
    }

    /**
     * The draft as a coordinator sees it on our pages, in the form's language chosen here (the page itself stays
     * in the person's), beside the form as Tasklist's viewer shows it; both at phone width.
     */
    @GetMapping("/forms/designer/{id}/preview")
    String preview(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                   @RequestParam(defaultValue = "da") String language, Model model) {
        DesignedForm form = form(user, id);
        String shown = FormDesigner.LANGUAGES.contains(language) ? language : "da";
        model.addAttribute("form", form);
        model.addAttribute("language", shown);
        model.addAttribute("formView", views.blank(designer.draft(form), Locale.forLanguageTag(shown)));
        return "forms/designer-preview";
    }

    /** The preview's conditions, decided on the draft as they will be on the published form. */
    @PostMapping("/forms/designer/{id}/conditions")
    @ResponseBody
    Map<String, Set<String>> conditions(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                                        HttpServletRequest request) {
        return FormConditionsController.hidden(designer.draft(form(user, id)), request);
    }

    @GetMapping("/forms/designer/{id}/texts")
    String texts(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
                 @RequestParam(defaultValue = "en") String language, Model model) {
        DesignedForm form = form(user, id);
        if (!FormDesigner.LANGUAGES.contains(language)) {
            throw NotFound.notFound();
        }
        model.addAttribute("form", form);
        model.addAttribute("language", language);
        model.addAttribute("danish", FormDesigner.textKeys(designer.draft(form)));
        model.addAttribute("translated", form.texts(DesignedForm.DRAFT, language));
        return "forms/designer-texts";
    }

    @PostMapping("/forms/designer/{id}/texts")
    String saveTexts(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String language,
                     HttpServletRequest request, RedirectAttributes redirect) {
        form(user, id);
        if (!FormDesigner.LANGUAGES.contains(language)) {
            throw NotFound.notFound();
        }
        Map<String, String> texts = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("t.") && values.length > 0) {
                texts.put(name.substring(2), values[0]);
            }
        });
        designer.translate(networks(user), id, language, texts, user.id());
        redirect.addFlashAttribute("saved", "form.design.textsSaved");
        return "redirect:/forms/designer/" + id + "/texts?language=" + language;
    }

    private ErrorSummary conflictOr(FormDesigner.Outcome outcome, String prefix, Locale locale) {
        if (outcome.conflict()) {
            return new ErrorSummary(List.of(new ErrorSummary.Item(null,
                    messages.getMessage("form.design.conflict", null, locale))));
        }
        return summary(outcome.errors(), prefix + "-", locale);
    }

    /** One line per problem; a problem of a page field (title, network, file) links to it. */
    private ErrorSummary summary(List<FormSchemaCheck.Problem> problems, String prefix, Locale locale) {
        List<ErrorSummary.Item> items = new ArrayList<>();
        for (FormSchemaCheck.Problem p : problems) {
            boolean pageField = p.field() != null && Set.of("title", "networkId").contains(p.field());
            items.add(new ErrorSummary.Item(pageField ? prefix + p.field() : (p.field() == null ? prefix + "file" : null),
                    messages.getMessage(p.code(), p.arguments(), locale)));
        }
        return new ErrorSummary(items);
    }

    private List<String> messages(List<FormSchemaCheck.Problem> problems, Locale locale) {
        return problems.stream().map(p -> messages.getMessage(p.code(), p.arguments(), locale)).toList();
    }

    private Map<String, String> networkNames() {
        Map<String, String> names = new LinkedHashMap<>();
        directory.networks().forEach(n -> names.put(n.getId(), n.getName()));
        return names;
    }

    private static byte[] content(MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? new byte[0] : file.getBytes();
    }
}
