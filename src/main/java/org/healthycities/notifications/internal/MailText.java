package org.healthycities.notifications.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A network's own wording of one mail kind in one language (checked by {@link MailTexts} before it is kept). */
@Entity
@Table(name = "mail_text")
class MailText {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String template;
    private String language;
    private String subject;
    private String body;
    private String updatedBy;
    private Instant updatedAt;
    @Version
    private int version;

    protected MailText() {
    }

    MailText(String networkId, String template, String language) {
        this.networkId = networkId;
        this.template = template;
        this.language = language;
    }

    void reword(String subject, String body, String by, Instant at) {
        this.subject = subject;
        this.body = body;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    String getNetworkId() { return networkId; }
    String getTemplate() { return template; }
    String getLanguage() { return language; }
    String getSubject() { return subject; }
    String getBody() { return body; }
    String getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }
}
