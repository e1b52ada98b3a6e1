package org.healthycities.membership;

import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.healthycities.documents.DocumentService;
import org.healthycities.network.Member;
import org.healthycities.network.MemberDetails;
import org.healthycities.network.MemberService;
import org.healthycities.network.MemberStatus;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.PossibleMember;
import org.healthycities.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * The steps of bpmn/membership-onboarding.bpmn, called by expressions such as
 * {@code ${membershipProcess.check(execution)}} (public because the engine's expression language calls it).
 * The business key is the application's id; every step is safe to run again after a failed try.
 */
@Component("membershipProcess")
public class MembershipProcess {

    static final Set<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW,
            ApplicationStatus.WAITING_FOR_APPLICANT, ApplicationStatus.WITH_BOARD);
    /** The start form's fields: kept in the application, not in the process. */
    private static final List<String> FORM_VARIABLES = List.of("municipalityCode", "municipalityName", "population",
            "politicalContactName", "politicalContactEmail", "politicalContactPhone", "adminContactName",
            "adminContactEmail", "adminContactPhone", "coordinatorName", "coordinatorEmail", "coordinatorPhone",
            "decisionDate", "decisionBody", "accessionSignedByMayor", "mayorName", "coordinatorJoinsAssembly",
            "motivation", "themeGroupIds", "consent", "decisionDocumentId");
    /** Texts a task form may send; copied into the application, then removed from the process. */
    static final List<String> TEXT_VARIABLES = List.of("reviewNote", "questions", "boardNote",
            "boardDecisionDate", "codeNote", "meetingNote", "meetingDate");

    private final ApplicationRepository applications;
    private final Applications service;
    private final History history;
    private final Fees fees;
    private final MembershipMail mail;
    private final PrivateLinks links;
    private final MemberService members;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final IdentityService identity;
    private final Validator validator;
    private final MembershipAudit audit;
    private final NetworkClock time;

    MembershipProcess(ApplicationRepository applications, Applications service, History history, Fees fees,
                      MembershipMail mail, PrivateLinks links, MemberService members, NetworkDirectory networks,
                      DocumentService documents, IdentityService identity, Validator validator,
                      MembershipAudit audit, NetworkClock time) {
        this.time = time;
        this.applications = applications;
        this.service = service;
        this.history = history;
        this.fees = fees;
        this.mail = mail;
        this.links = links;
        this.members = members;
        this.networks = networks;
        this.documents = documents;
        this.identity = identity;
        this.validator = validator;
        this.audit = audit;
    }

    /**
     * Links the process to its application. A process started without one (Tasklist's start form, the REST
     * API) makes the application from the start form's variables, which must pass the same checks as /apply.
     */
    public void register(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        Application a = key == null ? null : applications.findById(parseId(key)).orElse(null);
        if (a == null) {
            a = fromStartForm(execution);
            execution.setProcessBusinessKey(String.valueOf(a.id));
            execution.removeVariables(FORM_VARIABLES);
            history.record(a, "SUBMITTED", actor(), null);
        } else {
            a.processInstanceId = execution.getProcessInstanceId();
            history.record(a, "SUBMITTED", HistoryEntry.APPLICANT, null);
        }
    }

    private Application fromStartForm(DelegateExecution execution) {
        String networkId = execution.getTenantId();
        if (networkId == null || networks.network(networkId).isEmpty()) {
            throw new ProcessEngineException("Start membership-onboarding with the network's tenant id");
        }
        ApplicationForm form = ApplicationForm.fromVariables(execution.getVariables());
        form.setIdempotencyKey("process:" + execution.getProcessInstanceId());
        Errors errors = new BeanPropertyBindingResult(form, "application");
        validator.validate(form).forEach(v -> errors.rejectValue(v.getPropertyPath().toString(), "invalid",
                v.getMessage()));
        service.validate(networkId, form, errors);
        if (errors.hasErrors()) {
            List<String> fields = new ArrayList<>();
            for (ObjectError e : errors.getAllErrors()) {
                fields.add(e instanceof FieldError f ? f.getField() + ": " + f.getDefaultMessage() + " " + f.getCode()
                        : e.getCode());
            }
            throw new ProcessEngineException("The application is not complete: " + String.join("; ", fields));
        }
        Object documentId = execution.getVariable("decisionDocumentId");
        return service.createForProcess(networkId, form, execution.getProcessInstanceId(), actor(),
                documentId == null ? null : Long.valueOf(documentId.toString()));
    }

    public void sendReceipt(DelegateExecution execution) {
        Application a = application(execution);
        String token = links.issue(a);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/receipt",
                Map.of("link", mail.linkUrl(token)), dedup(execution, a, "receipt"));
    }

    /** The automatic checks; the result decides the next step. */
    public String check(DelegateExecution execution) {
        Application a = application(execution);
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

    public void closeAsDuplicate(DelegateExecution execution) {
        Application a = application(execution);
        String check = (String) execution.getVariable("check");
        if (a.status.open()) {
            a.status = "ALREADY_MEMBER".equals(check) ? ApplicationStatus.ALREADY_MEMBER : ApplicationStatus.DUPLICATE;
            a.decidedAt = time.now();
            history.record(a, a.status.name(), HistoryEntry.SYSTEM, null);
        }
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/duplicate",
                Map.of("alreadyMember", a.status == ApplicationStatus.ALREADY_MEMBER), dedup(execution, a, "duplicate"));
    }

    public void askForDocument(DelegateExecution execution) {
        Application a = application(execution);
        waitForApplicant(a, "DOCUMENT_REQUESTED", a.documentProblem);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/document-request",
                Map.of("link", mail.linkUrl(links.issue(a)), "problem", a.documentProblem),
                dedup(execution, a, "document-request"));
    }

    public void computeFee(DelegateExecution execution) {
        Application a = application(execution);
        fees.apply(a);
        if (a.fee != null) {
            execution.setVariable("fee", a.fee.doubleValue()); // prefills the review form's fee field
            history.record(a, "FEE", HistoryEntry.SYSTEM, a.fee.toPlainString() + " " + a.feeCurrency);
        }
    }

    public void sendQuestions(DelegateExecution execution) {
        Application a = application(execution);
        waitForApplicant(a, "QUESTIONS_SENT", a.questions);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/questions",
                Map.of("link", mail.linkUrl(links.issue(a)), "questions", nz(a.questions)),
                dedup(execution, a, "questions"));
    }

    private void waitForApplicant(Application a, String kind, String detail) {
        a.status = ApplicationStatus.WAITING_FOR_APPLICANT;
        history.record(a, kind, HistoryEntry.SYSTEM, detail);
    }

    public void sendReminder(DelegateExecution execution) {
        Application a = application(execution);
        history.record(a, "REMINDER_SENT", HistoryEntry.SYSTEM, null);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("link", mail.linkUrl(links.issue(a)));
        model.put("questions", a.documentProblem == null ? nz(a.questions) : "");
        model.put("problem", a.documentProblem);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/reminder", model,
                dedup(execution, a, "reminder"));
    }

    /** No answer in time: the application lapses and both the applicant and the secretariat are told. */
    public void lapse(DelegateExecution execution) {
        Application a = application(execution);
        decide(a, ApplicationStatus.LAPSED, HistoryEntry.SYSTEM, null);
        String key = dedup(execution, a, "lapsed");
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/lapsed", Map.of(), key);
        Network network = networks.network(a.networkId).orElseThrow();
        for (String to : secretariatAddresses(network)) {
            mail.send(a, to, network.getSecretariatName(), network.getLocale(), "membership/mail/lapsed-secretariat",
                    Map.of(), key + ":" + to);
        }
    }

    public void reject(DelegateExecution execution) {
        Application a = application(execution);
        String reason = a.boardNote != null && "reject".equals(execution.getVariable("boardDecision")) ? a.boardNote
                : a.reviewNote;
        decide(a, ApplicationStatus.REJECTED, HistoryEntry.SYSTEM, null);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/rejected",
                Map.of("reason", nz(reason)), dedup(execution, a, "rejected"));
    }

    /** After a withdrawal through the private link (or a message sent over the REST API). */
    public void confirmWithdrawal(DelegateExecution execution) {
        Application a = application(execution);
        decide(a, ApplicationStatus.WITHDRAWN, HistoryEntry.APPLICANT, null);
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/withdrawn", Map.of(),
                dedup(execution, a, "withdrawn"));
    }

    private void decide(Application a, ApplicationStatus status, String actor, String detail) {
        if (a.status.open()) {
            a.status = status;
            a.decidedAt = time.now();
            history.record(a, status.name(), actor, detail);
        }
    }

    public void createMember(DelegateExecution execution) {
        Application a = application(execution);
        if (a.memberId != null) {
            return;
        }
        LocalDate joined = a.boardDecisionDate != null ? a.boardDecisionDate : time.today(a.networkId);
        Member member = members.create(a.networkId, new MemberDetails(a.municipalityCode, a.municipalityName,
                MemberStatus.ACTIVE, joined, a.population, a.fee, a.politicalContactName, a.politicalContactEmail,
                a.politicalContactPhone, a.adminContactName, a.adminContactEmail, a.adminContactPhone,
                a.coordinatorName, a.coordinatorEmail, a.coordinatorPhone, new LinkedHashSet<>(a.themeGroupIds)));
        a.memberId = member.getId();
        history.record(a, "MEMBER_CREATED", HistoryEntry.SYSTEM, String.valueOf(member.getId()));
        execution.setVariable("memberId", member.getId());
    }

    public void inviteCoordinator(DelegateExecution execution) {
        Application a = application(execution);
        Network network = networks.network(a.networkId).orElseThrow();
        mail.send(a, a.coordinatorEmail, a.coordinatorName, a.locale(), "membership/mail/coordinator-invitation",
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)), dedup(execution, a, "coordinator"));
    }

    public void sendWelcome(DelegateExecution execution) {
        Application a = application(execution);
        Network network = networks.network(a.networkId).orElseThrow();
        mail.send(a, a.adminContactEmail, a.adminContactName, a.locale(), "membership/mail/welcome",
                Map.of("network", network, "themeGroups", mail.themeGroupNames(a)), dedup(execution, a, "welcome"));
    }

    /** Task create listener: the application's status follows its open task. */
    public void taskCreated(DelegateTask task) {
        Application a = application(task.getExecution());
        switch (task.getTaskDefinitionKey()) {
            case "codeCheck" -> {
                a.status = ApplicationStatus.IN_REVIEW;
                history.record(a, "CODE_CHECK_STARTED", HistoryEntry.SYSTEM, a.municipalityCode);
            }
            // the task's due date, so the applicant's page can say by when
            case "review" -> {
                a.status = ApplicationStatus.IN_REVIEW;
                history.record(a, "REVIEW_STARTED", HistoryEntry.SYSTEM, due(task));
            }
            case "board" -> {
                a.status = ApplicationStatus.WITH_BOARD;
                history.record(a, "BOARD_STARTED", HistoryEntry.SYSTEM, due(task));
            }
            case "welcomeMeeting" -> history.record(a, "WELCOME_MEETING_PLANNED", HistoryEntry.SYSTEM, due(task));
            default -> { }
        }
    }

    private static String due(DelegateTask task) {
        return task.getDueDate() == null ? null : task.getDueDate().toInstant().toString();
    }

    /**
     * Task complete listener, for our task pages and Camunda Tasklist alike: checks the decision, keeps the
     * texts in the application (not in the process) and writes the history and audit rows.
     */
    public void taskCompleted(DelegateTask task) {
        Application a = application(task.getExecution());
        String actor = actor();
        switch (task.getTaskDefinitionKey()) {
            case "codeCheck" -> {
                String decision = decision(task, "codeDecision", "recheck", "reject");
                a.reviewNote = text(task, "codeNote");
                if ("reject".equals(decision)) {
                    requireText(a.reviewNote, "codeNote");
                }
                record(a, actor, "CODE_" + decision.toUpperCase(), a.reviewNote);
            }
            case "review" -> {
                String decision = decision(task, "reviewDecision", "approve", "ask", "reject");
                a.reviewNote = text(task, "reviewNote");
                if ("ask".equals(decision)) {
                    a.questions = requireText(text(task, "questions"), "questions");
                }
                if ("reject".equals(decision)) {
                    requireText(a.reviewNote, "reviewNote");
                }
                BigDecimal fee = number(task.getVariable("fee"));
                if (fee != null && (a.fee == null || fee.compareTo(a.fee) != 0)) {
                    a.fee = fee.setScale(2, java.math.RoundingMode.HALF_UP);
                    a.feeSetBy = actor;
                    fees.rule(a.networkId).ifPresent(r -> a.feeCurrency = r.currency);
                    history.record(a, "FEE_SET", actor, a.fee.toPlainString());
                }
                record(a, actor, "REVIEW_" + decision.toUpperCase(), "ask".equals(decision) ? a.questions : a.reviewNote);
            }
            case "board" -> {
                String decision = decision(task, "boardDecision", "approve", "reject");
                a.boardNote = text(task, "boardNote");
                String date = text(task, "boardDecisionDate");
                a.boardDecisionDate = date == null ? time.today(a.networkId) : LocalDate.parse(date.substring(0, 10));
                if ("reject".equals(decision)) {
                    requireText(a.boardNote, "boardNote");
                } else {
                    a.status = ApplicationStatus.APPROVED;
                    a.decidedAt = time.now();
                    task.getExecution().setVariable("outcome", "APPROVED");
                }
                record(a, actor, "BOARD_" + decision.toUpperCase(), a.boardNote);
            }
            case "welcomeMeeting" -> record(a, actor, "WELCOME_MEETING_HELD", text(task, "meetingNote"));
            default -> { }
        }
        TEXT_VARIABLES.forEach(task.getExecution()::removeVariable);
    }

    private void record(Application a, String actor, String kind, String detail) {
        history.record(a, kind, actor, detail);
        audit.decision(a, actor, kind, detail);
    }

    private static String decision(DelegateTask task, String variable, String... allowed) {
        Object value = task.getVariable(variable);
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        throw new ProcessEngineException("membership." + variable + ".required: choose one of "
                + String.join(", ", allowed));
    }

    private static String requireText(String value, String variable) {
        if (value == null) {
            throw new ProcessEngineException("membership." + variable + ".required");
        }
        return value;
    }

    private static String text(DelegateTask task, String variable) {
        Object v = task.getVariable(variable);
        return v == null || v.toString().isBlank() ? null : v.toString().strip();
    }

    private static BigDecimal number(Object v) {
        if (v == null || v.toString().isBlank()) {
            return null;
        }
        BigDecimal fee = new BigDecimal(v.toString().trim().replace(',', '.'));
        if (fee.signum() < 0) {
            throw new ProcessEngineException("membership.fee.negative");
        }
        return fee;
    }

    private Set<String> secretariatAddresses(Network network) {
        Set<String> to = new LinkedHashSet<>();
        if (network.getSecretariatEmail() != null && !network.getSecretariatEmail().isBlank()) {
            to.add(network.getSecretariatEmail());
        } else {
            identity.createUserQuery().memberOfGroup(CurrentUser.SECRETARIAT).memberOfTenant(network.getId()).list()
                    .stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).forEach(to::add);
        }
        return to;
    }

    /**
     * A dedup key for a mail, the same when a failed step is tried again (the counter is a process variable,
     * rolled back with the failed try) and new each time the step is reached again.
     */
    private static String dedup(DelegateExecution execution, Application a, String what) {
        String counter = "mail_" + what.replace('-', '_');
        Object previous = execution.getVariable(counter);
        int n = previous instanceof Number p ? p.intValue() + 1 : 1;
        execution.setVariable(counter, n);
        return "membership:" + a.id + ":" + what + ":" + n;
    }

    /** Who acts: the person logged in to our pages, or to Camunda's webapps or REST API; else the system. */
    private String actor() {
        return CurrentUser.get().map(CurrentUser::id).orElseGet(() -> {
            Authentication auth = identity.getCurrentAuthentication();
            return auth != null && auth.getUserId() != null ? auth.getUserId() : HistoryEntry.SYSTEM;
        });
    }

    private Application application(DelegateExecution execution) {
        return applications.findById(parseId(execution.getProcessBusinessKey()))
                .orElseThrow(() -> new ProcessEngineException("No application " + execution.getProcessBusinessKey()));
    }

    private static Long parseId(String key) {
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProcessEngineException("The business key must be an application id: " + key);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }


}
