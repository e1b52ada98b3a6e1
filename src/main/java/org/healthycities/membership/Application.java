package org.healthycities.membership;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.healthycities.network.MemberKind;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;

/** A municipality's or region's application to join a network: the business data of one onboarding process. */
@Entity
@EntityListeners(StampListener.class)
@Table(name = "membership_application")
class Application implements Stamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String networkId;
    String reference;
    String idempotencyKey;
    @Enumerated(EnumType.STRING)
    ApplicationStatus status;
    String language;
    String municipalityCode;
    String municipalityName;
    @Enumerated(EnumType.STRING)
    MemberKind kind;
    Integer population;
    String politicalContactName;
    String politicalContactEmail;
    String politicalContactPhone;
    String adminContactName;
    String adminContactEmail;
    String adminContactPhone;
    String coordinatorName;
    String coordinatorEmail;
    String coordinatorPhone;
    LocalDate decisionDate;
    String decisionBody;
    Long decisionDocumentId;
    String documentProblem;
    Boolean accessionSignedByMayor;
    String mayorName;
    Boolean coordinatorJoinsAssembly;
    String motivation;
    String consentText;
    Instant consentAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_application_theme_group", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "theme_group_id")
    Set<Long> themeGroupIds = new LinkedHashSet<>();
    BigDecimal fee;
    String feeCurrency;
    String feeSetBy;
    String questions;
    String reviewNote;
    LocalDate boardDecisionDate;
    String boardNote;
    Long memberId;
    String processInstanceId;
    Instant submittedAt;
    Instant updatedAt;
    Instant decidedAt;
    @Version
    int version;

    @Override
    public void stamp(Instant now) {
        updatedAt = now;
        if (submittedAt == null) {
            submittedAt = updatedAt;
        }
    }

    Locale locale() {
        return Locale.forLanguageTag(language == null ? "da" : language);
    }

    boolean decided() {
        return !status.open();
    }

    /** What pages and mails may show of the application: plain values, escaped by th:text. */
    java.util.Map<String, Object> facts(org.healthycities.network.Network network) {
        java.util.Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("id", id);
        facts.put("reference", reference);
        facts.put("status", status);
        facts.put("decided", decided());
        facts.put("municipalityName", municipalityName);
        facts.put("municipalityCode", municipalityCode);
        facts.put("questions", questions);
        facts.put("networkName", network.getName());
        facts.put("secretariatName", network.getSecretariatName());
        facts.put("secretariatEmail", network.getSecretariatEmail());
        facts.put("website", network.getWebsite());
        facts.put("adminContactName", adminContactName);
        facts.put("coordinatorName", coordinatorName);
        facts.put("fee", fee);
        facts.put("currency", feeCurrency);
        facts.put("accession", network.isAccessionQuestions());
        return facts;
    }

    Long getId() { return id; }
    String getReference() { return reference; }
    String getMunicipalityName() { return municipalityName; }
    ApplicationStatus getStatus() { return status; }
}
