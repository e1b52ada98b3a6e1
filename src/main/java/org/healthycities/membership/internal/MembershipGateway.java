package org.healthycities.membership.internal;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.healthycities.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The one class of membership that talks to the engine's services: it starts bpmn/membership-onboarding.bpmn,
 * correlates the applicant's messages, ends a process whose applicant was erased, reads the deployed diagram and
 * asks the identity service who acts and who is the secretariat. Everything else in membership works with
 * application ids; the process calls back through {@link MembershipSteps}. The business key is the application's
 * id, the tenant id its network's.
 */
@Component
class MembershipGateway {

    static final String PROCESS_KEY = "membership-onboarding";
    static final String MSG_WITHDRAWN = "ApplicationWithdrawn";
    static final String MSG_RESPONDED = "ApplicantResponded";

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final IdentityService identity;

    MembershipGateway(RuntimeService runtime, RepositoryService repository, IdentityService identity) {
        this.runtime = runtime;
        this.repository = repository;
        this.identity = identity;
    }

    /** Starts the application's process (in the caller's transaction). */
    void start(Application a) {
        runtime.createProcessInstanceByKey(PROCESS_KEY).businessKey(String.valueOf(a.getId()))
                .processDefinitionTenantId(a.getNetworkId()).execute();
    }

    /** Tells the process the applicant withdrew; false when it no longer listens (e.g. the board has decided). */
    boolean withdrawn(Application a) {
        return correlate(MSG_WITHDRAWN, a);
    }

    /** Tells the process the applicant answered; false when it no longer waits for an answer. */
    boolean responded(Application a) {
        return correlate(MSG_RESPONDED, a);
    }

    private boolean correlate(String message, Application a) {
        try {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey(String.valueOf(a.getId()))
                    .tenantId(a.getNetworkId()).correlateWithResult();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false;
        }
    }

    /** Ends the application's process, if it runs, without its listeners (nobody is left to ask or to tell). */
    void end(long applicationId, String networkId, String reason) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(String.valueOf(applicationId)).tenantIdIn(networkId).singleResult();
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), reason, true, true);
        }
    }

    /** A user task's due date in the newest deployed diagram (e.g. P10D for the review), as a period. */
    Optional<Period> plannedTime(String userTaskId) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).latestVersion().list()
                .stream().findFirst()
                .map(d -> repository.getBpmnModelInstance(d.getId()).getModelElementById(userTaskId))
                .filter(UserTask.class::isInstance)
                .map(e -> ((UserTask) e).getCamundaDueDate())
                .filter(due -> due != null && due.matches("P\\d+[DW]"))
                .map(Period::parse);
    }

    /** The addresses of the network's secretariat users. */
    List<String> secretariatUserEmails(String networkId) {
        return identity.createUserQuery().memberOfGroup(CurrentUser.SECRETARIAT).memberOfTenant(networkId).list()
                .stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).toList();
    }

    /** Who acts: the person logged in to our pages, or to Camunda's webapps or REST API; else the system. */
    String actor() {
        return CurrentUser.get().map(CurrentUser::id).orElseGet(() -> {
            var auth = identity.getCurrentAuthentication(); // IdentityService's own answer; no impl type named
            return auth != null && auth.getUserId() != null ? auth.getUserId() : HistoryEntry.SYSTEM;
        });
    }
}
