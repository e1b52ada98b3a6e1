package org.healthycities.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.healthycities.forms.internal.DesignedForms;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretariat's form designer: forms made in the browser or imported from a .form file, saved as drafts,
 * published as versions that never change, translated field by field, exported as the file Camunda Modeler
 * opens. Every draft passes {@link FormSchemaCheck} before it is kept; a refused one changes nothing.
 */
@Service
@Transactional
public class FormDesigner {

    public static final Set<String> LANGUAGES = Set.of("en", "sv", "nb");
    private static final int TITLE_MAX = 200;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DesignedForms forms;
    private final FormCatalog catalog;
    private final Clock clock;

    FormDesigner(DesignedForms forms, FormCatalog catalog, Clock clock) {
        this.forms = forms;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What a save, an import or a publication came to: the form as it is now, and what was refused or noted. */
    public record Outcome(DesignedForm form, List<FormSchemaCheck.Problem> errors,
                          List<FormSchemaCheck.Problem> tasklistNotes, boolean conflict) {
        public boolean ok() {
            return errors.isEmpty() && !conflict;
        }
    }

    @Transactional(readOnly = true)
    public List<DesignedForm> forms(Collection<String> networks) {
        return networks.isEmpty() ? List.of() : forms.findByNetworkIdInOrderByUpdatedAtDesc(networks);
    }

    @Transactional(readOnly = true)
    public Optional<DesignedForm> form(Collection<String> networks, long id) {
        return forms.findById(id).filter(f -> networks.contains(f.getNetworkId()));
    }

    /** A new, empty form; its first draft has no questions yet (publishing waits for one). */
    public Outcome create(Collection<String> networks, String networkId, String title, String by) {
        List<FormSchemaCheck.Problem> errors = new ArrayList<>();
        String cleanTitle = title(title, errors);
        if (!networks.contains(networkId)) {
            errors.add(new FormSchemaCheck.Problem("networkId", "form.design.error.network", List.of()));
        }
        if (!errors.isEmpty()) {
            return new Outcome(null, errors, List.of(), false);
        }
        String formId = newFormId(cleanTitle);
        ObjectNode blank = JSON.createObjectNode();
        blank.putArray("components");
        blank.put("type", "default");
        blank.put("id", formId);
        blank.put("executionPlatform", "Camunda Platform");
        blank.put("executionPlatformVersion", "7.24.0");
        blank.put("schemaVersion", FormSchemaCheck.TASKLIST_SCHEMA_VERSION);
        FormDefinition draft = FormParser.parse(bytes(blank));
        return new Outcome(forms.save(new DesignedForm(networkId, cleanTitle, draft, by)), List.of(), List.of(), false);
    }

    /** A new form from a .form file: its own id when free, else a new one; refused whole when the file is. */
    public Outcome importForm(Collection<String> networks, String networkId, String title, byte[] file, String by) {
        List<FormSchemaCheck.Problem> errors = new ArrayList<>();
        String cleanTitle = title(title, errors);
        if (!networks.contains(networkId)) {
            errors.add(new FormSchemaCheck.Problem("networkId", "form.design.error.network", List.of()));
        }
        FormSchemaCheck.Result checked = FormSchemaCheck.check(file, newFormId(cleanTitle));
        errors.addAll(checked.errors());
        if (!errors.isEmpty()) {
            return new Outcome(null, errors, checked.tasklistNotes(), false);
        }
        return new Outcome(forms.save(new DesignedForm(networkId, cleanTitle, checked.form(), by)), List.of(),
                checked.tasklistNotes(), false);
    }

    /**
     * Keeps a new draft (from the designer or a file) when it passes the check and nobody saved since
     * {@code expectedVersion}; otherwise the stored draft stays as it was.
     */
    public Outcome saveDraft(Collection<String> networks, long id, int expectedVersion, String title, byte[] json,
                             String by) {
        DesignedForm form = form(networks, id).orElseThrow();
        List<FormSchemaCheck.Problem> errors = new ArrayList<>();
        String cleanTitle = title(title, errors);
        FormSchemaCheck.Result checked = FormSchemaCheck.check(json, form.getFormId());
        errors.addAll(checked.errors());
        if (form.getVersion() != expectedVersion) {
            return new Outcome(form, errors, checked.tasklistNotes(), true);
        }
        if (!errors.isEmpty()) {
            return new Outcome(form, errors, checked.tasklistNotes(), false);
        }
        form.saveDraft(cleanTitle, checked.form(), by);
        return new Outcome(forms.saveAndFlush(form), List.of(), checked.tasklistNotes(), false);
    }

    /** Publishes the saved draft as the next version, when it passes the check and something changed. */
    public Outcome publish(Collection<String> networks, long id, int expectedVersion, String by) {
        DesignedForm form = form(networks, id).orElseThrow();
        FormSchemaCheck.Result checked = FormSchemaCheck.check(
                form.getDraftJson().getBytes(StandardCharsets.UTF_8), form.getFormId());
        if (form.getVersion() != expectedVersion) {
            return new Outcome(form, List.of(), checked.tasklistNotes(), true);
        }
        if (!checked.ok()) {
            return new Outcome(form, checked.errors(), checked.tasklistNotes(), false);
        }
        if (!form.hasUnpublishedChanges() && !textsChanged(form)) {
            return new Outcome(form, List.of(new FormSchemaCheck.Problem(null, "form.design.error.unchanged",
                    List.of(form.latest().orElseThrow().number()))), checked.tasklistNotes(), false);
        }
        FormDefinition draft = draft(form);
        catalog.published(draft);
        form.publish(by, clock.instant());
        return new Outcome(forms.saveAndFlush(form), List.of(), checked.tasklistNotes(), false);
    }

    private static boolean textsChanged(DesignedForm form) {
        int latest = form.latest().orElseThrow().number();
        return LANGUAGES.stream().anyMatch(l -> !form.texts(DesignedForm.DRAFT, l).equals(form.texts(latest, l)));
    }

    /** The draft's texts in one language replaced by these (blank ones fall back to Danish). */
    public DesignedForm translate(Collection<String> networks, long id, String language, Map<String, String> texts,
                                  String by) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("No such language: " + language);
        }
        DesignedForm form = form(networks, id).orElseThrow();
        Set<String> known = textKeys(draft(form)).keySet();
        Map<String, String> kept = new LinkedHashMap<>();
        texts.forEach((k, v) -> {
            if (known.contains(k)) {
                kept.put(k, v);
            }
        });
        form.translateDraft(language, kept, by);
        return forms.saveAndFlush(form);
    }

    /** The draft as a form, with its texts, for the preview and the translation page. */
    @Transactional(readOnly = true)
    public FormDefinition draft(DesignedForm form) {
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> texts.put(l, form.texts(DesignedForm.DRAFT, l)));
        return FormParser.parse(form.getDraftJson().getBytes(StandardCharsets.UTF_8)).withTexts(texts);
    }

    /** The file of a version (or of the draft, for number null) as Camunda Modeler opens it. */
    @Transactional(readOnly = true)
    public byte[] export(DesignedForm form, Integer number) {
        if (number == null) {
            return form.getDraftJson().getBytes(StandardCharsets.UTF_8);
        }
        PublishedForm version = form.version(number).orElseThrow();
        return catalog.version(version.formId(), version.versionHash()).json().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The texts a translator fills in, in form order, by text key, with the Danish text: labels, descriptions,
     * options and text blocks (the same keys as a form file's forms/i18n bundle).
     */
    public static Map<String, String> textKeys(FormDefinition form) {
        Map<String, String> keys = new LinkedHashMap<>();
        collect(form.components(), keys);
        return keys;
    }

    private static void collect(List<FormComponent> components, Map<String, String> keys) {
        for (FormComponent c : components) {
            String base = c.key() != null && !c.key().isBlank() ? c.key() : c.id();
            put(keys, base + ".label", c.label());
            put(keys, base + ".description", c.description());
            if (c.text() != null) {
                put(keys, c.id() + ".text", c.text());
            }
            c.options().forEach(o -> put(keys, c.key() + ".option." + o.value(), o.label()));
            collect(c.components(), keys);
        }
    }

    private static void put(Map<String, String> keys, String key, String danish) {
        if (danish != null && !danish.isBlank()) {
            keys.put(key, danish);
        }
    }

    private static String title(String title, List<FormSchemaCheck.Problem> errors) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty()) {
            errors.add(new FormSchemaCheck.Problem("title", "form.design.error.title", List.of()));
        } else if (clean.length() > TITLE_MAX) {
            errors.add(new FormSchemaCheck.Problem("title", "form.design.error.titleLength", List.of(TITLE_MAX)));
        }
        return clean;
    }

    /** A readable id that no form file and no other designed form has: the title's letters and a random tail. */
    private String newFormId(String title) {
        String slug = Normalizer.normalize(title.toLowerCase(Locale.ROOT)
                        .replace("æ", "ae").replace("ø", "oe").replace("å", "aa"), Normalizer.Form.NFD)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        slug = slug.isEmpty() ? "survey" : slug.substring(0, Math.min(40, slug.length())).replaceAll("-+$", "");
        while (true) {
            byte[] tail = new byte[3];
            RANDOM.nextBytes(tail);
            String id = "survey_" + slug.replace('-', '_') + "_" + HexFormat.of().formatHex(tail);
            if (!catalog.isFile(id) && !forms.existsByFormId(id)) {
                return id;
            }
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
