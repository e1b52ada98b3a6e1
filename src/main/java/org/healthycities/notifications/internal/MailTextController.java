package org.healthycities.notifications.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.notifications.EditableMail;
import org.healthycities.notifications.OutgoingMail;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.web.Dates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A network's secretariat words its mails itself: each mail kind in each language, with the placeholders it
 * may use, a preview from the network's latest real record, and the way back to the built-in text.
 */
@Controller
@RequestMapping("/network/{networkId}/mail-texts")
class MailTextController {

    /** The example mail's address: a preview is never sent. */
    private static final String PREVIEW_ADDRESS = "preview@example.org";

    private final MailTexts texts;
    private final MailRenderer renderer;
    private final NetworkDirectory networks;

    MailTextController(MailTexts texts, MailRenderer renderer, NetworkDirectory networks) {
        this.texts = texts;
        this.renderer = renderer;
        this.networks = networks;
    }

    /** What the editor form holds. */
    record TextForm(String language, String subject, String body) {
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, Model model) {
        Network network = network(user, networkId);
        model.addAttribute("network", network);
        model.addAttribute("kinds", texts.kinds());
        model.addAttribute("worded", texts.worded(networkId));
        model.addAttribute("languages", MailTexts.LANGUAGES);
        return "notifications/mail-texts";
    }

    @GetMapping("/{kindId}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @PathVariable String kindId,
                @RequestParam(name = "language", required = false) String lang,
                @RequestParam(defaultValue = "false") boolean builtIn,
                Model model) {
        Network network = network(user, networkId);
        EditableMail kind = kind(kindId);
        String language = lang != null && MailTexts.LANGUAGES.contains(lang) ? lang : network.getLanguage();
        Optional<MailText> own = texts.own(networkId, kind.template(), language);
        TextForm form;
        if (own.isPresent() && !builtIn) {
            form = new TextForm(language, own.get().getSubject(), own.get().getBody());
        } else {
            // the built-in wording, its values turned back into placeholders, as a start
            form = example(network, kind, language).map(mail -> {
                RenderedMail standard = renderer.builtIn(mail);
                Map<String, String> values = MailTexts.values(kind, renderer.variables(mail), mail.locale());
                return new TextForm(language, MailTexts.unfill(standard.subject(), values),
                        MailTexts.unfill(standard.text(), values));
            }).orElse(new TextForm(language, "", ""));
        }
        own.ifPresent(o -> model.addAttribute("own", o));
        return page(network, kind, form, new BeanPropertyBindingResult(form, "form"), own.isPresent() ? "own" : "builtIn",
                model);
    }

    @PostMapping("/{kindId}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @PathVariable String kindId,
                TextForm form, @RequestParam(defaultValue = "save") String action, Model model,
                RedirectAttributes redirect) {
        Network network = network(user, networkId);
        EditableMail kind = kind(kindId);
        if (!MailTexts.LANGUAGES.contains(String.valueOf(form.language()))) {
            form = new TextForm(network.getLanguage(), form.subject(), form.body());
        }
        BindingResult errors = new BeanPropertyBindingResult(form, "form");
        if ("preview".equals(action)) {
            texts.check(kind, form.subject(), form.body(), errors);
            texts.own(networkId, kind.template(), form.language()).ifPresent(o -> model.addAttribute("own", o));
            return page(network, kind, form, errors, "draft", model);
        }
        texts.save(networkId, kind, form.language(), form.subject(), form.body(), user.id(), errors);
        if (errors.hasErrors()) {
            texts.own(networkId, kind.template(), form.language()).ifPresent(o -> model.addAttribute("own", o));
            return page(network, kind, form, errors, "draft", model);
        }
        redirect.addFlashAttribute("saved", "notifications.text.saved");
        return "redirect:/network/" + networkId + "/mail-texts/" + kind.id() + "?language=" + form.language();
    }

    @PostMapping("/{kindId}/reset")
    String reset(@AuthenticationPrincipal CurrentUser user, @PathVariable String networkId, @PathVariable String kindId,
                 @RequestParam String language, RedirectAttributes redirect) {
        network(user, networkId);
        EditableMail kind = kind(kindId);
        if (!MailTexts.LANGUAGES.contains(language)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        texts.reset(networkId, kind, language);
        redirect.addFlashAttribute("saved", "notifications.text.resetDone");
        return "redirect:/network/" + networkId + "/mail-texts/" + kind.id() + "?language=" + language;
    }

    /**
     * The page with a preview: of the draft when it passes the check, else of what the mail says today (the
     * network's own text or the built-in one), always from the network's latest real record.
     */
    private String page(Network network, EditableMail kind, TextForm form, BindingResult errors, String showing,
                        Model model) {
        Optional<OutgoingMail> example = example(network, kind, form.language());
        example.ifPresent(mail -> {
            boolean draft = showing.equals("draft") && !errors.hasErrors();
            RenderedMail preview = draft ? renderer.own(mail, kind, form.subject(), form.body()) : renderer.render(mail);
            model.addAttribute("previewDraft", draft);
            model.addAttribute("previewSubject", preview.subject());
            model.addAttribute("previewText", preview.text());
            model.addAttribute("previewHtml", preview.html());
        });
        if (model.getAttribute("own") instanceof MailText own) {
            model.addAttribute("ownBy", own.getUpdatedBy());
            model.addAttribute("ownDate", Dates.date(own.getUpdatedAt()
                    .atZone(network.getZone()).toLocalDate(), LocaleContextHolder.getLocale()));
        }
        model.addAttribute("network", network);
        model.addAttribute("kind", kind);
        model.addAttribute("form", form);
        model.addAttribute("org.springframework.validation.BindingResult.form", errors);
        model.addAttribute("languages", MailTexts.LANGUAGES);
        model.addAttribute("hasExample", example.isPresent());
        return "notifications/mail-text";
    }

    private Optional<OutgoingMail> example(Network network, EditableMail kind, String language) {
        return kind.example().apply(network.getId()).map(m -> new OutgoingMail(PREVIEW_ADDRESS,
                (String) m.get("recipientName"), Locale.forLanguageTag(language), kind.template(), m, network.getId(),
                null));
    }

    private Network network(CurrentUser user, String networkId) {
        if (user == null || !user.canSee(networkId)) {
            throw NotFound.notFound();
        }
        return networks.network(networkId).orElseThrow(() -> NotFound.notFound());
    }

    private EditableMail kind(String kindId) {
        return texts.kind(kindId).orElseThrow(() -> NotFound.notFound());
    }
}
