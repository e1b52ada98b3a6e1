package org.healthycities.forms;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A form the secretariat designs: one draft that changes, and numbered published versions that never do (the
 * answers keep the version they were given on). Its texts in other languages are the draft's (version 0) until
 * a publication copies them to the new version.
 */
@Entity
@EntityListeners(StampListener.class)
public class DesignedForm implements Stamped {

    public static final int DRAFT = 0;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String formId;
    private String title;
    private String draftJson;
    private String draftHash;
    private Instant createdAt;
    private Instant updatedAt;
    private String updatedBy;
    @Version
    private int version;

    // both read with the form (a page shows them after the transaction), each by its own query
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @JoinColumn(name = "designed_form_id", nullable = false)
    @OrderBy("number")
    private List<PublishedForm> versions = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SELECT)
    @CollectionTable(name = "designed_form_text", joinColumns = @JoinColumn(name = "designed_form_id"))
    private Set<FormText> texts = new HashSet<>();

    protected DesignedForm() {
    }

    DesignedForm(String networkId, String title, FormDefinition draft, String by) {
        this.networkId = networkId;
        this.formId = draft.id();
        this.title = title;
        this.updatedBy = by;
        keep(draft);
    }

    /** A new draft (already checked by {@link FormSchemaCheck}); the published versions stay as they are. */
    void saveDraft(String title, FormDefinition draft, String by) {
        if (!draft.id().equals(formId)) {
            throw new IllegalArgumentException("The draft of " + formId + " cannot be form " + draft.id());
        }
        this.title = title;
        this.updatedBy = by;
        keep(draft);
    }

    private void keep(FormDefinition draft) {
        this.draftJson = draft.json();
        this.draftHash = draft.versionHash();
    }

    /** Whether the draft differs from the newest published version (or nothing is published yet). */
    public boolean hasUnpublishedChanges() {
        return latest().map(v -> !v.versionHash().equals(draftHash)).orElse(true);
    }

    /** Publishes the draft as the next version, with the draft's texts; refused when nothing changed. */
    PublishedForm publish(String by, Instant now) {
        if (!hasUnpublishedChanges() && !textsDifferFromLatest()) {
            throw new IllegalStateException("Nothing changed since version " + latest().orElseThrow().number());
        }
        PublishedForm published = new PublishedForm(versions.size() + 1, formId, draftHash, now, by);
        versions.add(published);
        for (FormText t : List.copyOf(texts)) {
            if (t.versionNumber == DRAFT) {
                texts.add(new FormText(published.number(), t.language, t.textKey, t.text));
            }
        }
        this.updatedBy = by;
        return published;
    }

    private boolean textsDifferFromLatest() {
        return latest().map(v -> !textsOf(DRAFT).equals(textsOf(v.number()))).orElse(true);
    }

    /** Replaces the draft's texts in one language; blank ones are dropped (the Danish text shows instead). */
    void translateDraft(String language, Map<String, String> byKey, String by) {
        texts.removeIf(t -> t.versionNumber == DRAFT && t.language.equals(language));
        byKey.forEach((key, text) -> {
            if (text != null && !text.isBlank()) {
                texts.add(new FormText(DRAFT, language, key, text.strip()));
            }
        });
        this.updatedBy = by;
    }

    /** The texts of a version (0: the draft) in one language, by text key. */
    public Map<String, String> texts(int versionNumber, String language) {
        Map<String, String> map = new TreeMap<>();
        texts.stream().filter(t -> t.versionNumber == versionNumber && t.language.equals(language))
                .forEach(t -> map.put(t.textKey, t.text));
        return map;
    }

    private Map<String, Map<String, String>> textsOf(int versionNumber) {
        Map<String, Map<String, String>> map = new TreeMap<>();
        texts.stream().filter(t -> t.versionNumber == versionNumber)
                .forEach(t -> map.computeIfAbsent(t.language, l -> new TreeMap<>()).put(t.textKey, t.text));
        return map;
    }

    public Optional<PublishedForm> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    public Optional<PublishedForm> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    @Override
    public void stamp(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getNetworkId() {
        return networkId;
    }

    public String getFormId() {
        return formId;
    }

    public String getTitle() {
        return title;
    }

    public String getDraftJson() {
        return draftJson;
    }

    public String getDraftHash() {
        return draftHash;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public int getVersion() {
        return version;
    }

    public List<PublishedForm> getVersions() {
        return List.copyOf(versions);
    }

    /** One translated text of one version. */
    @Embeddable
    static class FormText {
        private int versionNumber;
        private String language;
        private String textKey;
        private String text;

        protected FormText() {
        }

        FormText(int versionNumber, String language, String textKey, String text) {
            this.versionNumber = versionNumber;
            this.language = language;
            this.textKey = textKey;
            this.text = text;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FormText t && t.versionNumber == versionNumber && t.language.equals(language)
                    && t.textKey.equals(textKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(versionNumber, language, textKey);
        }
    }
}
