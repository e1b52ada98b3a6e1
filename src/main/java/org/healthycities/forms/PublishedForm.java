package org.healthycities.forms;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published version of a designed form: its JSON is the row (formId, versionHash) of form_version. */
@Entity
@Table(name = "designed_form_version")
public class PublishedForm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int number;
    private String formId;
    private String versionHash;
    private Instant publishedAt;
    private String publishedBy;

    protected PublishedForm() {
    }

    PublishedForm(int number, String formId, String versionHash, Instant publishedAt, String publishedBy) {
        this.number = number;
        this.formId = formId;
        this.versionHash = versionHash;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public int number() {
        return number;
    }

    public String formId() {
        return formId;
    }

    public String versionHash() {
        return versionHash;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public String publishedBy() {
        return publishedBy;
    }

    public int getNumber() {
        return number;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }
}
