package org.healthycities.membership;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.healthycities.documents.DocumentService;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
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
            ApplicationForm form = rules.startForm(networkId, variables, processInstanceId);
            Object documentId = variables.get("decisionDocumentId");
            String actor = engine.actor();
            a = service.createForProcess(networkId, form, processInstanceId, actor,
                    documentId == null ? null : Long.valueOf(documentId.toString()));
            history.record(a, "SUBMITTED", actor, null);
        } else {
            a.processInstanceId = processInstanceId;
            history.record(a, "SUBMITTED", HistoryEntry.APPLICANT, null);
        }
        return a.id;
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
        PossibleMember possible = networks.possibleMember(a.networkId, a.municipalityCode).orElse(null);
        if (members.findByCode(a.networkId, a.municipalityCode)
                .filter(m -> m.getStatus() == MemberStatus.ACTIVE).isPresent()) {
            result = "ALREADY_MEMBER";
        } else if (applications.countEarlierOpen(a.networkId, a.municipalityCode, a.id, OPEN) > 0) {
            result = "DUPLICATE";
        } else if (possible == null) {
            result = "UNKNOWN_CODE";
        } else if (a.decisionDocumentId == null || documents.find(a.decisionDocumentId).isEmpty()) {
            if (a.documentProblem == null) {
                a.documentProblem = "membership.document.missing";
            }
            result = "UNREADABLE_ATTACHMENT";
        } else {
            // the official name and kind, e.g. after the secretariat added the code to the network's list
            a.municipalityName = possible.getName();
            a.kind = possible.getKind();
            result = "OK";
        }
        history.record(a, "CHECKED", HistoryEntry.SYSTEM, result);
        return result;
    }

    /** Closes the application after the check found a member or an earlier open application ({@code check}). */
    void closeAsDuplicate(Long id, String check) {
        Application a = application(id);
        if (a.status.open()) {
            a.status = "ALREADY_MEMBER".equals(check) ? ApplicationStatus.ALREADY_MEMBER : ApplicationStatus.DUPLICATE;
            a.decidedAt = time.now();
            history.record(a, a.status.name(), HistoryEntry.SYSTEM, null);
        }
        sendToApplicant(a, "duplicate", "membership/mail/duplicate",
                Map.of("alreadyMember", a.status == ApplicationStatus.ALREADY_MEMBER));
    }

    void askForDocument(Long id) {
        Application a = application(id);
        waitForApplicant(a, "DOCUMENT_REQUESTED", a.documentProblem);
        sendToApplicant(a, "document-request", "membership/mail/document-request",
                Map.of("link", mail.linkUrl(links.issue(a)), "problem", a.documentProblem));
    }

    /** The fee by the network's rule, as a number for the review form's fee field; null without a rule. */
    Double computeFee(Long id) {
        Application a = application(id);
        fees.apply(a);
        if (a.fee == null) {
            return null;
        }
        history.record(a, "FEE", HistoryEntry.SYSTEM, a.fee.toPlainString() + " " + a.feeCurrency);
        return a.fee.doubleValue();
    }

    void sendQuestions(Long id) {
        Application a = application(id);
        waitForApplicant(a, "QUESTIONS_SENT", a.questions);
        sendToApplicant(a, "questions", "membership/mail/questions",
                Map.of("link", mail.linkUrl(links.issue(a)), "questions", nz(a.questions)));
    }

    private void waitForApplicant(Application a, String kind, String detail) {
        a.status = ApplicationStatus.WAITING_FOR_APPLICANT;
        history.record(a, kind, HistoryEntry.SYSTEM, detail);
    }

    void sendReminder(Long id) {
        Application a = application(id);
        history.record(a, "REMINDER_SENT", HistoryEntry.SYSTEM, null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("link", mail.linkUrl(links.issue(a)));
        model.put("questions", a.documentProblem == null ? nz(a.questions) : "");
        model.put("problem", a.documentProblem);
        sendToApplicant(a, "reminder", "membership/mail/reminder", model);
    }

    /** No answer in time: the application lapses and both the applicant and the secretariat are told. */
    void lapse(Long id) {
        Application a = application(id);
        decide(a, ApplicationStatus.LAPSED, HistoryEntry.SYSTEM);
        String key = sendToApplicant(a, "lapsed", "membership/mail/lapsed", Map.of());
        Network network = networks.network(a.networkId).orElseThrow();
        for (String to : secretariatAddresses(network)) {
            mail.send(a, to, network.getSecretariatName(), network.getLocale(), "membership/mail/lapsed-secretariat",
                    Map.of(), key + ":" + to);
        }
    }

    /** The rejection mail, with the board's reason when the board rejected ({@code boardDecision}), else the review's. */
    void reject(Long id, Object boardDecision) {
        Application a = application(id);
        String reason = a.boardNote != null && "reject".equals(boardDecision) ? a.boardNote : a.reviewNote;
        decide(a, ApplicationStatus.REJECTED, HistoryEntry.SYSTEM);
        sendToApplicant(a, "rejected", "membership/mail/rejected", Map.of("reason", nz(reason)));
    }

    /** After a withdrawal through the private link (or a message sent over the REST API). */
    void confirmWithdrawal(Long id) {
        Application a = application(id);
        decide(a, ApplicationStatus.WITHDRAWN, HistoryEntry.APPLICANT);
        sendToApplicant(a, "withdrawn", "membership/mail/withdrawn", Map.of());
    }

    private void decide(Application a, ApplicationStatus status, String actor) {
        if (a.status.open()) {
            a.status = status;
            a.decidedAt = time.now();
            history.record(a, status.name(), actor, null);
        }
    }

    /** The new member (made once), by the board's decision date; returns the member's id. */
    Long createMember(Long id) {
        Application a = application(id);
        if (a.memberId != null) {
            return a.memberId;
        }
        LocalDate joined = a.boardDecisionDate != null ? a.boardDecisionDate : time.today(a.networkId);
        Member member = members.create(a.networkId, new MemberDetails(a.municipalityCode, a.municipalityName,
                MemberStatus.ACTIVE, joined, a.population, a.fee, a.politicalContactName, a.politicalContactEmail,
                a.politicalContactPhone, a.adminContactName, a.adminContactEmail, a.adminContactPhone,
                a.coordinatorName, a.coordinatorEmail, a.coordinatorPhone, new LinkedHashSet<>(a.themeGroupIds)));
        a.memberId = member.getId();
        history.record(a, "MEMBER_CREATED", HistoryEntry.SYSTEM, String.valueOf(member.getId()));
        return member.getId();
    }

    void inviteCoordinator(Long id) {
        Application a = application(id);
        Network network = networks.network(a.networkId).orElseThrow();
        String template = "membership/mail/coordinator-invitation";
        mail.send(a, a.coordinatorEmail, a.coordinatorName, a.locale(), template,
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)), dedup(a, "coordinator", template));
    }

    void sendWelcome(Long id) {
        Application a = application(id);
        Network network = networks.network(a.networkId).orElseThrow();
        sendToApplicant(a, "welcome", "membership/mail/welcome",
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)));
    }

    /** A mail to the application's administrative contact; returns its dedup key. */
    private String sendToApplicant(Application a, String what, String template, Map<String, Object> model) {
        String key = dedup(a, what, template);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), template, model, key);
        return key;
    }

    /**
     * A dedup key for a mail, the same when a failed step is tried again and new each time the step is reached
     * again: it counts the times the template was sent for the application before (the history's mail rows,
     * written in the step's transaction and so rolled back with a failed try).
     */
    private String dedup(Application a, String what, String template) {
        return "membership:" + a.id + ":" + what + ":" + (history.mailsSent(a, template) + 1);
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
