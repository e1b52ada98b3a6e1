package org.healthycities.membership.internal;

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
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberKind;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.MunicipalityContacts;
import org.healthycities.network.Network;
import org.healthycities.network.PossibleMember;
import org.healthycities.time.StampListener;
import org.healthycities.time.Stamped;

/**
 * A municipality's or region's application to join a network: the business data of one onboarding process. Its
 * fields change only by the intent methods below, named for what happens in the onboarding; those that move the
 * status check the move against {@link ApplicationStatus#canMoveTo} and refuse an impossible one (a rejected
 * application is never approved) with an {@link IllegalStateException}.
 */
@Entity
@EntityListeners(StampListener.class)
@Table(name = "membership_application")
class Application extends MunicipalityContacts implements Stamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String networkId;
    private String reference;
    private String idempotencyKey;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private String language;
    private String municipalityCode;
    private String municipalityName;
    @Enumerated(EnumType.STRING)
    private MemberKind kind;
    private Integer population;
    private LocalDate decisionDate;
    private String decisionBody;
    private Long decisionDocumentId;
    private String documentProblem;
    private Boolean accessionSignedByMayor;
    private String mayorName;
    private Boolean coordinatorJoinsAssembly;
    private String motivation;
    private String consentText;
    private Instant consentAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_application_theme_group", joinColumns = @JoinColumn(name = "application_id"))
    @Column(name = "theme_group_id")
    private Set<Long> themeGroupIds = new LinkedHashSet<>();
    private BigDecimal fee;
    private String feeCurrency;
    private String feeSetBy;
    private String questions;
    private String reviewNote;
    private LocalDate boardDecisionDate;
    private String boardNote;
    private Long memberId;
    private String processInstanceId;
    private Instant submittedAt;
    private Instant updatedAt;
    private Instant decidedAt;
    @Version
    private int version;

    protected Application() {
    }

    /**
     * A new application with the applicant's answers from /apply or a process's start form (trimmed, blanks as
     * none): the official name and kind when the code is on the network's list ({@code possible}), the accession
     * answers only where the network asks them ({@code accession}).
     */
    static Application fromAnswers(String networkId, ApplicationAnswers answers, Optional<PossibleMember> possible,
                                   boolean accession, Locale locale, String consentText, Instant consentAt,
                                   String idempotencyKey) {
        Application a = new Application();
        a.networkId = networkId;
        a.idempotencyKey = idempotencyKey;
        a.status = ApplicationStatus.SUBMITTED;
        a.language = locale.getLanguage();
        a.municipalityCode = answers.municipalityCode();
        a.municipalityName = possible.map(PossibleMember::getName).orElse(answers.municipalityName());
        a.kind = possible.map(PossibleMember::getKind).orElse(MemberKind.MUNICIPALITY);
        a.population = answers.population();
        a.contacts(answers.political(), answers.admin(), answers.coordinator());
        a.decisionDate = answers.decisionDate();
        a.decisionBody = answers.decisionBody();
        if (accession) {
            a.accessionSignedByMayor = answers.accessionSignedByMayor();
            a.mayorName = answers.mayorName();
            a.coordinatorJoinsAssembly = answers.coordinatorJoinsAssembly();
        }
        a.motivation = answers.motivation();
        a.themeGroupIds.addAll(answers.themeGroupIds());
        a.consentText = consentText;
        a.consentAt = consentAt;
        return a;
    }

    @Override
    public void stamp(Instant now) {
        updatedAt = now;
        if (submittedAt == null) {
            submittedAt = updatedAt;
        }
    }

    // ---- the intents ------------------------------------------------------------------------------------------

    /** Its reference number, like SB-2026-00042 (the network's initials, the year, the id), once it is saved. */
    void number() {
        if (id == null || submittedAt == null) {
            throw new IllegalStateException("An application is numbered once it is saved");
        }
        if (reference == null) {
            String initials = Arrays.stream(networkId.split("-")).filter(p -> !p.isEmpty())
                    .map(p -> p.substring(0, 1).toUpperCase(Locale.ROOT)).collect(Collectors.joining());
            reference = "%s-%d-%05d".formatted(initials, submittedAt.atZone(ZoneOffset.UTC).getYear(), id);
        }
    }

    /** The onboarding process that follows the application. */
    void attachProcess(String processInstanceId) {
        requireOpen("get a process");
        this.processInstanceId = processInstanceId;
    }

    /** A readable decision document is on file (uploaded, kept from a refused page, or given to the process). */
    void documentReceived(Long documentId) {
        requireOpen("get a document");
        this.decisionDocumentId = documentId;
        this.documentProblem = null;
    }

    /** The upload could not be read ({@code problem}: the message key why); no document is on file. */
    void documentUnreadable(String problem) {
        requireOpen("get a document");
        this.decisionDocumentId = null;
        this.documentProblem = problem;
    }

    /** No readable document found: noted as missing, unless a problem is noted already (why the last was refused). */
    void documentMissing() {
        requireOpen("get a document");
        if (documentProblem == null) {
            documentProblem = "membership.document.missing";
        }
    }

    /** The code is on the network's list (again): the official name and kind replace what the applicant wrote. */
    void officialName(String name, MemberKind kind) {
        requireOpen("be renamed");
        this.municipalityName = name;
        this.kind = kind;
    }

    /** The fee by the network's rule; refused once the secretariat has set one by hand. */
    void feeByRule(BigDecimal fee, String currency) {
        requireOpen("get a fee");
        if (feeSetBy != null) {
            throw new IllegalStateException("Application " + id + ": the fee was set by " + feeSetBy);
        }
        this.fee = fee;
        this.feeCurrency = currency;
    }

    /**
     * The secretariat sets the fee by hand (to two decimals; {@code currency} null keeps the one there is); false,
     * with nothing changed, when it is the fee already.
     */
    boolean feeSetByHand(BigDecimal fee, String currency, String by) {
        requireOpen("get a fee");
        if (this.fee != null && fee.compareTo(this.fee) == 0) {
            return false;
        }
        this.fee = fee.setScale(2, RoundingMode.HALF_UP);
        this.feeSetBy = by;
        if (currency != null) {
            this.feeCurrency = currency;
        }
        return true;
    }

    /** The secretariat's code check or review starts (again). */
    void startReview() {
        moveTo(ApplicationStatus.IN_REVIEW);
    }

    /** The secretariat has checked an unknown code: its note (the reason, when it rejects). */
    void codeChecked(String note) {
        requireStatus(ApplicationStatus.IN_REVIEW, "have its code checked");
        this.reviewNote = note;
    }

    /** The secretariat has reviewed the application: its note, and its questions when it asks the applicant. */
    void reviewed(String note, String questions) {
        requireStatus(ApplicationStatus.IN_REVIEW, "be reviewed");
        this.reviewNote = note;
        if (questions != null) {
            this.questions = questions;
        }
    }

    /** The process asks the applicant (the secretariat's questions or a readable document) and waits. */
    void askApplicant() {
        moveTo(ApplicationStatus.WAITING_FOR_APPLICANT);
    }

    /** The applicant has answered or sent a document: back to the secretariat. */
    void applicantAnswered() {
        requireStatus(ApplicationStatus.WAITING_FOR_APPLICANT, "take an answer");
        moveTo(ApplicationStatus.IN_REVIEW);
    }

    /** The secretariat recommends it: the board decides. */
    void sendToBoard() {
        moveTo(ApplicationStatus.WITH_BOARD);
    }

    /** The board approves, on its decision date. */
    void approve(LocalDate boardDecisionDate, String boardNote, Instant now) {
        moveTo(ApplicationStatus.APPROVED);
        this.boardDecisionDate = boardDecisionDate;
        this.boardNote = boardNote;
        this.decidedAt = now;
    }

    /** The board rejects, on its decision date and for its reason; {@link #reject} follows with the applicant's mail. */
    void boardRejected(LocalDate boardDecisionDate, String boardNote) {
        requireStatus(ApplicationStatus.WITH_BOARD, "be rejected by the board");
        this.boardDecisionDate = boardDecisionDate;
        this.boardNote = boardNote;
    }

    /** Rejected, by the secretariat (code check, review) or the board. */
    void reject(Instant now) {
        decide(ApplicationStatus.REJECTED, now);
    }

    /** The applicant did not answer in time. */
    void lapse(Instant now) {
        decide(ApplicationStatus.LAPSED, now);
    }

    /** The applicant withdraws it. */
    void withdraw(Instant now) {
        decide(ApplicationStatus.WITHDRAWN, now);
    }

    /** The automatic check found the municipality a member already. */
    void markAlreadyMember(Instant now) {
        decide(ApplicationStatus.ALREADY_MEMBER, now);
    }

    /** The automatic check found an earlier open application for the same code. */
    void markDuplicate(Instant now) {
        decide(ApplicationStatus.DUPLICATE, now);
    }

    /** The member the approved application made (once). */
    void linkMember(Long memberId) {
        requireStatus(ApplicationStatus.APPROVED, "make a member");
        if (this.memberId != null && !this.memberId.equals(memberId)) {
            throw new IllegalStateException("Application " + id + " made member " + this.memberId + " already");
        }
        this.memberId = memberId;
    }

    private void decide(ApplicationStatus decided, Instant now) {
        moveTo(decided);
        this.decidedAt = now;
    }

    private void moveTo(ApplicationStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Application " + id + " cannot move from " + status + " to " + next);
        }
        this.status = next;
    }

    private void requireStatus(ApplicationStatus expected, String what) {
        if (status != expected) {
            throw new IllegalStateException("Application " + id + " cannot " + what + " when " + status);
        }
    }

    private void requireOpen(String what) {
        if (decided()) {
            throw new IllegalStateException("Application " + id + " is decided (" + status + ") and cannot " + what);
        }
    }

    // ---- what it says -----------------------------------------------------------------------------------------

    Locale locale() {
        return Locale.forLanguageTag(language == null ? "da" : language);
    }

    boolean decided() {
        return !status.open();
    }

    /** The member the application makes, joined on {@code joined}. */
    MemberDetails memberDetails(LocalDate joined) {
        return new MemberDetails(municipalityCode, municipalityName, MemberStatus.ACTIVE, joined, population, fee,
                getPoliticalContactName(), getPoliticalContactEmail(), getPoliticalContactPhone(), getAdminContactName(),
                getAdminContactEmail(), getAdminContactPhone(), getCoordinatorName(), getCoordinatorEmail(),
                getCoordinatorPhone(),
                new LinkedHashSet<>(themeGroupIds));
    }

    /** What pages and mails may show of the application: plain values, escaped by th:text. */
    Map<String, Object> facts(Network network) {
        Map<String, Object> facts = new LinkedHashMap<>();
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
        facts.put("adminContactName", getAdminContactName());
        facts.put("coordinatorName", getCoordinatorName());
        facts.put("fee", fee);
        facts.put("currency", feeCurrency);
        facts.put("accession", network.isAccessionQuestions());
        return facts;
    }

    Long getId() { return id; }
    String getNetworkId() { return networkId; }
    String getReference() { return reference; }
    ApplicationStatus getStatus() { return status; }
    String getMunicipalityCode() { return municipalityCode; }
    String getMunicipalityName() { return municipalityName; }
    MemberKind getKind() { return kind; }
    Integer getPopulation() { return population; }
    LocalDate getDecisionDate() { return decisionDate; }
    String getDecisionBody() { return decisionBody; }
    Long getDecisionDocumentId() { return decisionDocumentId; }
    String getDocumentProblem() { return documentProblem; }
    Boolean getAccessionSignedByMayor() { return accessionSignedByMayor; }
    String getMayorName() { return mayorName; }
    Boolean getCoordinatorJoinsAssembly() { return coordinatorJoinsAssembly; }
    String getMotivation() { return motivation; }
    String getConsentText() { return consentText; }
    Set<Long> getThemeGroupIds() { return Collections.unmodifiableSet(themeGroupIds); }
    BigDecimal getFee() { return fee; }
    String getFeeCurrency() { return feeCurrency; }
    String getFeeSetBy() { return feeSetBy; }
    String getQuestions() { return questions; }
    String getReviewNote() { return reviewNote; }
    LocalDate getBoardDecisionDate() { return boardDecisionDate; }
    String getBoardNote() { return boardNote; }
    Long getMemberId() { return memberId; }
    String getProcessInstanceId() { return processInstanceId; }
    Instant getSubmittedAt() { return submittedAt; }
    Instant getDecidedAt() { return decidedAt; }
}
