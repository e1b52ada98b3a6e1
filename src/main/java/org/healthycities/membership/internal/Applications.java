package org.healthycities.membership.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.documents.UploadResult;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormCatalog;
import org.healthycities.forms.FormDefinition;
import org.healthycities.forms.FormFeed;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.FormView;
import org.healthycities.forms.FormViews;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Subject;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.forms.Submitter;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.ThemeGroup;
import org.healthycities.tasks.TaskRecordPanel;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Applications: made on /apply (or from a process start), then followed and answered through the private link. */
@Service
@Transactional
class Applications {

    static final String OWNER_TYPE = "membership-application";
    /** A decision document kept across a refused application page, by the page's (random, secret) key. */
    static final String PENDING_OWNER_TYPE = DocumentService.PENDING + OWNER_TYPE;
    static final String SUPPLEMENT_FORM = "membership-supplement";
    static final String APPLICATION_FORM = "membership-application";
    static final String SUPPLEMENT_ANSWER = "supplementAnswer";
    /** The network whose applicants sign an accession document and seat their coordinator in the general assembly. */
    /** Upload refusals the applicant must fix on the form; any other (e.g. unreadable) goes to the process. */
    private static final Set<String> FORM_REFUSALS = Set.of("document.empty", "document.tooLarge", "document.type",
            "document.busy"); // a file turned away only because the server was busy: the applicant sends it again at once


    /** The upload was refused in a way the applicant must fix on the form; nothing was saved. */
    static final class UploadRefused extends RuntimeException {
        final UploadResult.Refused refused;

        UploadRefused(UploadResult.Refused refused) {
            super(refused.messageKey(), null, false, false);
            this.refused = refused;
        }
    }

    private final ApplicationRepository applications;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final MembershipGateway engine;
    private final PrivateLinks links;
    private final History history;
    private final MembershipAudit audit;
    private final Submissions submissions;
    private final FormCatalog forms;
    private final FormViews views;
    private final NetworkClock time;

    Applications(ApplicationRepository applications, NetworkDirectory networks, DocumentService documents,
                 MembershipGateway engine, PrivateLinks links, History history, MembershipAudit audit,
                 Submissions submissions, FormCatalog forms, FormViews views, NetworkClock time) {
        this.time = time;
        this.views = views;
        this.submissions = submissions;
        this.forms = forms;
        this.audit = audit;
        this.applications = applications;
        this.networks = networks;
        this.documents = documents;
        this.engine = engine;
        this.links = links;
        this.history = history;
    }

    @Transactional(readOnly = true)
    Optional<Application> find(Long id) {
        return applications.findById(id);
    }

    @Transactional(readOnly = true)
    Optional<Application> byIdempotencyKey(String key) {
        return key == null ? Optional.empty() : applications.findByIdempotencyKey(key);
    }

    /** The application a private link opens, or nothing for an unknown or expired link. */
    @Transactional(readOnly = true)
    Optional<Application> byToken(String token) {
        return links.applicationId(token).flatMap(applications::findById);
    }

    @Transactional(readOnly = true)
    List<HistoryEntry> history(Application application) {
        return history.of(application);
    }

    /** "Aarhus Kommune · SB-2026-00001" by application id, for the task list's cards. */
    @Transactional(readOnly = true)
    Map<String, String> subjects(Collection<String> ids) {
        return applications.findAllById(TaskRecordPanel.ids(ids)).stream().collect(Collectors.toMap(
                a -> String.valueOf(a.getId()),
                a -> a.getReference() == null ? a.getMunicipalityName() : a.getMunicipalityName() + " · " + a.getReference()));
    }

    /** The newest applications (at most 500) about a municipality whose name, code or reference matches, for the task search. */
    @Transactional(readOnly = true)
    List<Long> idsAbout(Collection<String> networks, String text) {
        return networks.isEmpty() ? List.of()
                : applications.idsAbout(networks, text, PageRequest.of(0, 500));
    }

    /** Whether the network's application asks for the accession document and the seat in the general assembly. */
    boolean asksAccession(String networkId) {
        return networks.network(networkId).map(Network::isAccessionQuestions).orElse(false);
    }

    /** The application's one description: its fields and rules (forms/membership-application.form). */
    FormDefinition form() {
        return forms.latest(APPLICATION_FORM);
    }

    /**
     * What the form is opened with for this network: whether it asks the accession questions (the network's
     * setting) and its active theme groups to choose from.
     */
    @Transactional(readOnly = true)
    FormFeed feed(String networkId) {
        List<Map<String, Object>> groups = networks.themeGroups(networkId).stream().filter(ThemeGroup::isActive)
                .map(g -> Map.<String, Object>of("label", g.getName(), "value", String.valueOf(g.getId()))).toList();
        return new FormFeed(Map.of("accessionQuestions", asksAccession(networkId), "themeGroupOptions", groups));
    }

    /** The application form for this network, filled with these answers, each refusal beside its field. */
    @Transactional(readOnly = true)
    FormView view(String networkId, FormInput input, List<FieldError> errors, Locale locale) {
        return views.retry(form(), feed(networkId), input, errors, locale);
    }

    /**
     * Why these answers would be refused: the form's own rules (required, limits, e-mail, the network's accession
     * questions, its theme groups), and a name for a code the network's list does not have. Empty when fine.
     */
    @Transactional(readOnly = true)
    List<FieldError> check(String networkId, FormInput input) {
        return check(networkId, feed(networkId), input);
    }

    /**
     * A submit of the application page: the application the page already made, else its refusals (see
     * {@link #check(String, FormInput)}), the consent's text as the applicant saw it (when nothing is refused) and the
     * upload kept for the page, read in one transaction with the network's feed built once (a burst of 200
     * applicants pays for each query and transaction 200 times).
     */
    @Transactional(readOnly = true)
    Checked checkSubmit(String networkId, FormInput input, String pageKey, Locale locale) {
        Optional<Application> earlier = byIdempotencyKey(pageKey);
        if (earlier.isPresent()) {
            return new Checked(earlier, List.of(), null, Optional.empty());
        }
        FormFeed feed = feed(networkId);
        List<FieldError> errors = check(networkId, feed, input);
        String consent = errors.isEmpty() ? views.label(form(), feed, input, "consent", locale) : null;
        return new Checked(Optional.empty(), errors, consent, keptUpload(networkId, pageKey));
    }

    /**
     * A submit: the application its page already made (a second click or a reload: nothing else is checked), else
     * its refusals, the consent's text (null when refused) and the upload kept for its page.
     */
    record Checked(Optional<Application> earlier, List<FieldError> errors, String consentText,
                   Optional<StoredDocument> kept) {
    }

    private List<FieldError> check(String networkId, FormFeed feed, FormInput input) {
        List<FieldError> errors = new ArrayList<>(submissions.check(form(), feed, input, true));
        // read as typed: the other answers may not parse yet (a population of "abc" is refused above, not here)
        String code = ApplicationAnswers.text(input, "municipalityCode");
        if (code != null && ApplicationAnswers.text(input, "municipalityName") == null
                && errors.stream().noneMatch(e -> "municipalityCode".equals(e.field()))
                && networks.possibleMember(networkId, code).isEmpty()
                && errors.stream().noneMatch(e -> "municipalityName".equals(e.field()))) {
            errors.add(new FieldError("municipalityName", "membership.municipalityName.required"));
        }
        return errors;
    }

    /**
     * Saves the application with its decision document and starts its process, all in one transaction.
     * Throws {@link UploadRefused} (and saves nothing) for a file the applicant must replace on the form; a file
     * that cannot be read is kept out and the process asks for a new one.
     */
    Application submit(String networkId, ApplicationAnswers answers, String idempotencyKey, Locale locale,
                       String consentText, ReadUpload upload) {
        return submit(networkId, answers, idempotencyKey, locale, consentText, upload, null);
    }

    /**
     * {@link #submit(String, ApplicationAnswers, String, Locale, String, ReadUpload)}, with the document kept from an earlier,
     * refused submit of the same page (a pending upload of the network) when no new file is chosen.
     */
    Application submit(String networkId, ApplicationAnswers answers, String idempotencyKey, Locale locale,
                       String consentText, ReadUpload upload, Long keptDocumentId) {
        Application application = newApplication(networkId, answers, locale, consentText, idempotencyKey);
        applications.saveAndFlush(application);
        application.number();
        Optional<StoredDocument> kept = upload != null || keptDocumentId == null ? Optional.empty()
                : documents.find(keptDocumentId).filter(d -> d.networkId().equals(networkId)
                        && PENDING_OWNER_TYPE.equals(d.ownerType()));
        if (upload != null) {
            storeDocument(application, upload, true);
        } else if (kept.isPresent()) {
            documents.transfer(kept.get().id(), OWNER_TYPE, String.valueOf(application.getId()));
            application.documentReceived(kept.get().id());
        } else {
            application.documentMissing();
        }
        engine.start(application);
        return application;
    }

    /**
     * Keeps a readable upload of a refused application page as pending (replacing one kept before), so the
     * applicant need not choose it again; the page's key (random, 256 bits, in the page only) finds it again.
     */
    Optional<StoredDocument> keepUpload(String networkId, String pageKey, ReadUpload upload) {
        dropKeptUpload(pageKey);
        UploadResult result = documents.store(networkId, PENDING_OWNER_TYPE, pageKey, upload);
        return result instanceof UploadResult.Stored stored ? Optional.of(stored.document()) : Optional.empty();
    }

    /** The upload kept for this page of this network, if any. */
    @Transactional(readOnly = true)
    Optional<StoredDocument> keptUpload(String networkId, String pageKey) {
        List<StoredDocument> kept = documents.findByOwner(PENDING_OWNER_TYPE, pageKey).stream()
                .filter(d -> d.networkId().equals(networkId)).toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }

    /** Forgets the upload kept for this page ("remove", or a new file chosen). */
    void dropKeptUpload(String pageKey) {
        documents.findByOwner(PENDING_OWNER_TYPE, pageKey).forEach(d -> documents.delete(d.id()));
    }

    /** An application whose process was started in Tasklist or over REST, from the start form's variables. */
    Application createForProcess(String networkId, ApplicationAnswers answers, String processInstanceId, String actor,
                                 Long documentId) {
        Application application = newApplication(networkId, answers,
                networks.network(networkId).orElseThrow().getLocale(), "registered by " + actor,
                "process:" + processInstanceId);
        application.attachProcess(processInstanceId);
        applications.saveAndFlush(application);
        application.number();
        if (documentId != null) {
            documents.find(documentId).filter(d -> d.networkId().equals(networkId))
                    .ifPresent(d -> application.documentReceived(d.id()));
        }
        if (application.getDecisionDocumentId() == null) {
            application.documentMissing();
        }
        return application;
    }

    private Application newApplication(String networkId, ApplicationAnswers answers, Locale locale, String consentText,
                                       String idempotencyKey) {
        return Application.fromAnswers(networkId, answers, networks.possibleMember(networkId, answers.municipalityCode()),
                asksAccession(networkId), locale, consentText, time.now(), idempotencyKey);
    }

    /**
     * Stores an upload as the decision document. A refusal the applicant must fix comes back (and, on the
     * application form, is thrown to roll everything back); an unreadable file is noted as the document problem.
     */
    private Optional<UploadResult.Refused> storeDocument(Application a, ReadUpload upload, boolean throwOnFormRefusal) {
        UploadResult result = documents.store(a.getNetworkId(), OWNER_TYPE, String.valueOf(a.getId()), upload);
        if (result instanceof UploadResult.Stored stored) {
            a.documentReceived(stored.document().id());
            return Optional.empty();
        }
        UploadResult.Refused refused = (UploadResult.Refused) result;
        if (FORM_REFUSALS.contains(refused.messageKey())) {
            if (throwOnFormRefusal) {
                throw new UploadRefused(refused);
            }
            return Optional.of(refused);
        }
        if (throwOnFormRefusal || a.getDecisionDocumentId() == null) {
            a.documentUnreadable(refused.messageKey());
        } // else a readable document is on file: an unreadable replacement is refused and changes nothing
        return Optional.of(refused);
    }

    /** The applicant withdraws; false when the application is already decided (nothing changes then). */
    boolean withdraw(Long id) {
        Application a = applications.findById(id).orElseThrow();
        if (a.decided()) {
            return false;
        }
        if (!engine.withdrawn(a)) {
            return false; // the board has just decided
        }
        a.withdraw(time.now());
        history.record(a, "WITHDRAWN", HistoryEntry.APPLICANT, null);
        audit.decision(a, HistoryEntry.APPLICANT, "WITHDRAWN", null);
        return true;
    }

    /** The applicant answers the secretariat's questions in a few words; see {@link #answer(Long, FormInput)}. */
    boolean answer(Long id, String answer) {
        return answer(id, FormInput.of(Map.of(SUPPLEMENT_ANSWER, answer)));
    }

    /**
     * The applicant answers the secretariat's questions with forms/membership-supplement.form: the answers are
     * stored per field (one submission per application, sent back for each new round of questions) and the
     * process goes on. False, with nothing stored, when no answer is awaited; invalid answers are refused
     * before (see {@link #checkSupplement}).
     */
    boolean answer(Long id, FormInput input) {
        Application a = applications.findById(id).orElseThrow();
        if (a.getStatus() != ApplicationStatus.WAITING_FOR_APPLICANT || a.getDocumentProblem() != null) {
            return false;
        }
        Subject subject = new Subject(OWNER_TYPE, String.valueOf(a.getId()));
        Submission submission = submissions.findFor(subject).stream()
                .filter(x -> SUPPLEMENT_FORM.equals(x.formId())).findFirst()
                .map(x -> x.isLocked() ? submissions.reopen(x.id()) : x)
                .orElseGet(() -> submissions.create(SUPPLEMENT_FORM, subject, a.getNetworkId(), Submitter.NOBODY));
        if (!(submissions.submit(submission.id(), submission.version(), input) instanceof SaveResult.Submitted)) {
            throw new IllegalArgumentException("Check the supplement before answering");
        }
        if (!responded(a)) {
            // the process stopped waiting meanwhile (a lapse): keep nothing
            TransactionAspectSupport.currentTransactionStatus()
                    .setRollbackOnly();
            return false;
        }
        Object text = submissions.answers(submission.id()).get(SUPPLEMENT_ANSWER);
        history.record(a, "SUPPLEMENT_ANSWERED", HistoryEntry.APPLICANT, text == null ? null : text.toString());
        return true;
    }

    /** Why a supplement would be refused, by the form's own rules; empty when it is fine. */
    List<FieldError> checkSupplement(FormInput input) {
        return submissions.check(forms.latest(SUPPLEMENT_FORM), input, true);
    }

    /**
     * The applicant sends a new decision document. Refused files come back (nothing changes); a readable one
     * replaces the old and, when the process waits for it, the process goes on.
     */
    Optional<UploadResult.Refused> replaceDocument(Long id, ReadUpload upload) {
        Application a = applications.findById(id).orElseThrow();
        if (a.decided()) {
            return Optional.of(new UploadResult.Refused("membership.link.decided"));
        }
        boolean awaited = a.getStatus() == ApplicationStatus.WAITING_FOR_APPLICANT && a.getDocumentProblem() != null;
        Optional<UploadResult.Refused> refused = storeDocument(a, upload, false);
        if (refused.isPresent()) {
            return refused;
        }
        history.record(a, "DOCUMENT_REPLACED", HistoryEntry.APPLICANT, upload.filename());
        if (awaited) {
            responded(a);
        }
        return Optional.empty();
    }

    private boolean responded(Application a) {
        if (!engine.responded(a)) {
            return false;
        }
        a.applicantAnswered();
        return true;
    }

    /**
     * How long the process gives one of its steps: the user task's due date in the deployed diagram (e.g. P10D for
     * the secretariat's review), so what the applicant is told follows the diagram, not a copy of it.
     */
    Optional<Period> plannedTime(String userTaskId) {
        return engine.plannedTime(userTaskId);
    }
}
