package org.healthycities.membership.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.ProcessEngineException;
import org.healthycities.documents.DocumentService;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding's automatic steps, by application id: register, check, fee, the applicant's mails and the
 * outcomes the system decides (duplicate, lapse, rejection, withdrawal, the new member). The process runs them
 * through {@link MembershipSteps}; the user tasks' side is {@link OnboardingTasks}. Every step is safe to run
 * again after a failed try: a mail's dedup key counts the same mail sent before (the application's history, rolled
 * back with a failed try), so a retry sends nothing twice and a step reached again sends anew.
 */
@Service
@Transactional
class Onboarding {

    static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
            ApplicationStatus.WAITING_FOR_APPLICANT, ApplicationStatus.WITH_BOARD);

    private final ApplicationRepository applications;
    private final Applications service;
    private final MembershipFormRules rules;
    private final History history;
    private final Fees fees;
    private final MembershipMail mail;
    private final PrivateLinks links;
    private final MemberService members;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final MembershipGateway engine;
    private final NetworkClock time;

    Onboarding(ApplicationRepository applications, Applications service, MembershipFormRules rules, History history,
               Fees fees, MembershipMail mail, PrivateLinks links, MemberService members, NetworkDirectory networks,
               DocumentService documents, MembershipGateway engine, NetworkClock time) {
        this.applications = applications;
        this.service = service;
        this.rules = rules;
        this.history = history;
        this.fees = fees;
        this.mail = mail;
        this.links = links;
        this.members = members;
        this.networks = networks;
        this.documents = documents;
        this.engine = engine;
        this.time = time;
    }

    /**
     * Links a process to its application and returns the application's id, the process's business key. A process
     * started without one (Tasklist's start form, the REST API) makes the application from the start form's
     * variables, which must pass the same checks as /apply.
     */
    Long register(String businessKey, String processInstanceId, String networkId, Map<String, Object> variables) {
        Application a = businessKey == null ? null : applications.findById(parseId(businessKey)).orElse(null);
        if (a == null) {
            if (networkId == null || networks.network(networkId).isEmpty()) {
                throw new ProcessEngineException("Start membership-onboarding with the network's tenant id");
            }
            ApplicationAnswers answers = rules.startForm(networkId, variables);
            Object documentId = variables.get("decisionDocumentId");
            String actor = engine.actor();
            a = service.createForProcess(networkId, answers, processInstanceId, actor,
                    documentId == null ? null : Long.valueOf(documentId.toString()));
            history.record(a, "SUBMITTED", actor, null);
        } else {
            a.attachProcess(processInstanceId);
            history.record(a, "SUBMITTED", HistoryEntry.APPLICANT, null);
        }
        return a.getId();
    }

    void sendReceipt(Long id) {
        Application a = application(id);
        String token = links.issue(a);
        sendToApplicant(a, "receipt", "membership/mail/receipt", Map.of("link", mail.linkUrl(token)));
    }

    /** The automatic checks: OK, ALREADY_MEMBER, DUPLICATE, UNKNOWN_CODE or UNREADABLE_ATTACHMENT. */
    String check(Long id) {
        Application a = application(id);
        String result;
        String network = a.getNetworkId();
        String code = a.getMunicipalityCode();
        PossibleMember possible = networks.possibleMember(network, code).orElse(null);
        if (members.findByCode(network, code).filter(m -> m.getStatus() == MemberStatus.ACTIVE).isPresent()) {
            result = "ALREADY_MEMBER";
        } else if (applications.countEarlierOpen(network, code, a.getId(), OPEN) > 0) {
            result = "DUPLICATE";
        } else if (possible == null) {
            result = "UNKNOWN_CODE";
        } else if (a.getDecisionDocumentId() == null || documents.find(a.getDecisionDocumentId()).isEmpty()) {
            a.documentMissing();
            result = "UNREADABLE_ATTACHMENT";
        } else {
            // the official name and kind, e.g. after the secretariat added the code to the network's list
            a.officialName(possible.getName(), possible.getKind());
            result = "OK";
        }
        history.record(a, "CHECKED", HistoryEntry.SYSTEM, result);
        return result;
    }

    /** Closes the application after the check found a member or an earlier open application ({@code check}). */
    void closeAsDuplicate(Long id, String check) {
        Application a = application(id);
        BiConsumer<Application, Instant> closing = "ALREADY_MEMBER".equals(check) ? Application::markAlreadyMember
                : Application::markDuplicate;
        decide(a, closing, HistoryEntry.SYSTEM);
        sendToApplicant(a, "duplicate", "membership/mail/duplicate",
                Map.of("alreadyMember", a.getStatus() == ApplicationStatus.ALREADY_MEMBER));
    }

    void askForDocument(Long id) {
        Application a = application(id);
        waitForApplicant(a, "DOCUMENT_REQUESTED", a.getDocumentProblem());
        sendToApplicant(a, "document-request", "membership/mail/document-request",
                Map.of("link", mail.linkUrl(links.issue(a)), "problem", a.getDocumentProblem()));
    }

    /** The fee by the network's rule, as a number for the review form's fee field; null without a rule. */
    Double computeFee(Long id) {
        Application a = application(id);
        fees.apply(a);
        if (a.getFee() == null) {
            return null;
        }
        history.record(a, "FEE", HistoryEntry.SYSTEM, a.getFee().toPlainString() + " " + a.getFeeCurrency());
        return a.getFee().doubleValue();
    }

    void sendQuestions(Long id) {
        Application a = application(id);
        waitForApplicant(a, "QUESTIONS_SENT", a.getQuestions());
        sendToApplicant(a, "questions", "membership/mail/questions",
                Map.of("link", mail.linkUrl(links.issue(a)), "questions", nz(a.getQuestions())));
    }

    private void waitForApplicant(Application a, String kind, String detail) {
        a.askApplicant();
        history.record(a, kind, HistoryEntry.SYSTEM, detail);
    }

    void sendReminder(Long id) {
        Application a = application(id);
        history.record(a, "REMINDER_SENT", HistoryEntry.SYSTEM, null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("link", mail.linkUrl(links.issue(a)));
        model.put("questions", a.getDocumentProblem() == null ? nz(a.getQuestions()) : "");
        model.put("problem", a.getDocumentProblem());
        sendToApplicant(a, "reminder", "membership/mail/reminder", model);
    }

    /** No answer in time: the application lapses and both the applicant and the secretariat are told. */
    void lapse(Long id) {
        Application a = application(id);
        decide(a, Application::lapse, HistoryEntry.SYSTEM);
        String key = sendToApplicant(a, "lapsed", "membership/mail/lapsed", Map.of());
        Network network = networks.network(a.getNetworkId()).orElseThrow();
        for (String to : secretariatAddresses(network)) {
            mail.send(a, to, network.getSecretariatName(), network.getLocale(), "membership/mail/lapsed-secretariat",
                    Map.of(), key + ":" + to);
        }
    }

    /** The rejection mail, with the board's reason when the board rejected ({@code boardDecision}), else the review's. */
    void reject(Long id, Object boardDecision) {
        Application a = application(id);
        String reason = a.getBoardNote() != null && "reject".equals(boardDecision) ? a.getBoardNote()
                : a.getReviewNote();
        decide(a, Application::reject, HistoryEntry.SYSTEM);
        sendToApplicant(a, "rejected", "membership/mail/rejected", Map.of("reason", nz(reason)));
    }

    /** After a withdrawal through the private link (or a message sent over the REST API). */
    void confirmWithdrawal(Long id) {
        Application a = application(id);
        decide(a, Application::withdraw, HistoryEntry.APPLICANT);
        sendToApplicant(a, "withdrawn", "membership/mail/withdrawn", Map.of());
    }

    /**
     * Decides the application by one of its intent methods (which refuses a move the diagram does not allow) and
     * notes it; one decided before (e.g. withdrawn through the private link, which the process confirms after)
     * stays as it is.
     */
    private void decide(Application a, BiConsumer<Application, Instant> decision, String actor) {
        if (!a.decided()) {
            decision.accept(a, time.now());
            history.record(a, a.getStatus().name(), actor, null);
        }
    }

    /** The new member (made once), by the board's decision date; returns the member's id. */
    Long createMember(Long id) {
        Application a = application(id);
        if (a.getMemberId() != null) {
            return a.getMemberId();
        }
        LocalDate joined = a.getBoardDecisionDate() != null ? a.getBoardDecisionDate() : time.today(a.getNetworkId());
        Member member = members.create(a.getNetworkId(), a.memberDetails(joined));
        a.linkMember(member.getId());
        history.record(a, "MEMBER_CREATED", HistoryEntry.SYSTEM, String.valueOf(member.getId()));
        return member.getId();
    }

    void inviteCoordinator(Long id) {
        Application a = application(id);
        Network network = networks.network(a.getNetworkId()).orElseThrow();
        String template = "membership/mail/coordinator-invitation";
        mail.send(a, a.getCoordinatorEmail(), a.getCoordinatorName(), a.locale(), template,
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)), dedup(a, "coordinator", template));
    }

    void sendWelcome(Long id) {
        Application a = application(id);
        Network network = networks.network(a.getNetworkId()).orElseThrow();
        sendToApplicant(a, "welcome", "membership/mail/welcome",
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)));
    }

    /** A mail to the application's administrative contact; returns its dedup key. */
    private String sendToApplicant(Application a, String what, String template, Map<String, Object> model) {
        String key = dedup(a, what, template);
        mail.send(a, a.getAdminContactEmail(), a.getAdminContactName(), a.locale(), template, model, key);
        return key;
    }

    /**
     * A dedup key for a mail, the same when a failed step is tried again and new each time the step is reached
     * again: it counts the times the template was sent for the application before (the history's mail rows,
     * written in the step's transaction and so rolled back with a failed try).
     */
    private String dedup(Application a, String what, String template) {
        return "membership:" + a.getId() + ":" + what + ":" + (history.mailsSent(a, template) + 1);
    }

    private Set<String> secretariatAddresses(Network network) {
        Set<String> to = new LinkedHashSet<>();
        if (network.getSecretariatEmail() != null && !network.getSecretariatEmail().isBlank()) {
            to.add(network.getSecretariatEmail());
        } else {
            to.addAll(engine.secretariatUserEmails(network.getId()));
        }
        return to;
    }

    Application application(Long id) {
        if (id == null) {
            throw new ProcessEngineException("The business key must be an application id");
        }
        return applications.findById(id).orElseThrow(() -> new ProcessEngineException("No application " + id));
    }

    private static Long parseId(String key) {
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("The business key must be an application id: " + key);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
