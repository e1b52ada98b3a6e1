package org.healthycities.engine;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First-start setup of the engine's identity: the groups, one tenant per network, the admin user, what
 * each group may do in Camunda's webapps and REST API, and the Tasklist filters people need. Idempotent.
 */
@Component
class EngineSetup {

    static final String ADMIN_GROUP = "admin";
    static final String SECRETARIAT_GROUP = "secretariat";
    static final String BOARD_GROUP = "board";

    private static final Logger log = LoggerFactory.getLogger(EngineSetup.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final NetworkDirectory networks;
    private final String adminUsername;
    private final String adminPassword;

    EngineSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, NetworkDirectory networks,
                @Value("${hc.admin.username:admin}") String adminUsername,
                @Value("${hc.admin.password:}") String adminPassword) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.networks = networks;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Order(20)
    void setUp() {
        group(ADMIN_GROUP, "Administratorer", Groups.GROUP_TYPE_SYSTEM);
        // the webapps offer their open "create the first admin" setup page while no user is in camunda-admin
        group(Groups.CAMUNDA_ADMIN, "Camunda-administratorer", Groups.GROUP_TYPE_SYSTEM);
        group(SECRETARIAT_GROUP, "Sekretariatet", Groups.GROUP_TYPE_WORKFLOW);
        group(BOARD_GROUP, "Bestyrelsen", Groups.GROUP_TYPE_WORKFLOW);
        for (Network network : networks.networks()) {
            tenant(network.getId(), network.getName());
        }
        adminUser();
        adminInCamundaAdmin();
        grants();
        tasklistFilters();
    }

    private void group(String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void tenant(String id, String name) {
        if (identity.createTenantQuery().tenantId(id).count() == 0) {
            Tenant tenant = identity.newTenant(id);
            tenant.setName(name);
            identity.saveTenant(tenant);
        }
    }

    private void adminUser() {
        if (identity.createUserQuery().userId(adminUsername).count() > 0) {
            return;
        }
        String password = adminPassword;
        if (password == null || password.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // logged once, at creation; set HC_ADMIN_PASSWORD to choose it instead
            log.warn("Created the admin user '{}' with the generated password: {}", adminUsername, password);
        }
        User user = identity.newUser(adminUsername);
        user.setFirstName("Administrator");
        user.setLastName("");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(adminUsername, ADMIN_GROUP);
    }

    /** The admin is also in camunda-admin, which closes the webapps' setup page. */
    private void adminInCamundaAdmin() {
        if (identity.createUserQuery().userId(adminUsername).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0
                && identity.createUserQuery().userId(adminUsername).count() > 0) {
            identity.createMembership(adminUsername, Groups.CAMUNDA_ADMIN);
        }
    }

    /**
     * What the groups may do in the engine; the tenant check keeps each to its own network. Nobody but the admin
     * may work a task by a blanket grant: the engine grants a task's candidate group TASK_WORK on that task
     * when it is created ({@code defaultUserPermissionNameForTask}), and its assignee likewise, so the group the
     * BPMN names is the only one that can claim or complete it, in Tasklist, over REST and on our pages alike.
     */
    private void grants() {
        // queries filter by authorizations even for admin groups, so the admin gets ALL everywhere
        for (Resources resource : Resources.values()) {
            grant(ADMIN_GROUP, resource, "*", Permissions.ALL);
        }
        Map<Resource, Permission[]> secretariat = Map.of(
                Resources.APPLICATION, new Permission[] {Permissions.ACCESS},
                Resources.PROCESS_DEFINITION, new Permission[] {ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                        ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
                        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                        ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE, ProcessDefinitionPermissions.RETRY_JOB,
                        ProcessDefinitionPermissions.SUSPEND_INSTANCE},
                Resources.PROCESS_INSTANCE, new Permission[] {Permissions.ALL},
                Resources.TASK, new Permission[] {TaskPermissions.READ, TaskPermissions.READ_VARIABLE,
                        TaskPermissions.READ_HISTORY},
                Resources.DEPLOYMENT, new Permission[] {Permissions.READ},
                Resources.DECISION_DEFINITION, new Permission[] {Permissions.READ},
                Resources.FILTER, new Permission[] {Permissions.READ},
                Resources.HISTORIC_TASK, new Permission[] {Permissions.ALL},
                Resources.HISTORIC_PROCESS_INSTANCE, new Permission[] {Permissions.ALL});
        secretariat.forEach((resource, permissions) -> grant(SECRETARIAT_GROUP, resource, "*", permissions));
        grant(BOARD_GROUP, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(BOARD_GROUP, Resources.TASK, "*", TaskPermissions.READ, TaskPermissions.READ_VARIABLE);
        grant(BOARD_GROUP, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        grant(BOARD_GROUP, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(BOARD_GROUP, Resources.FILTER, "*", Permissions.READ);
        grant(BOARD_GROUP, Resources.DEPLOYMENT, "*", Permissions.READ);
        taskGrants();
    }

    /** Exactly these permissions, also where an older version granted more (e.g. ALL on every task). */
    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization auth = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list().stream().findFirst()
                .orElseGet(() -> {
                    Authorization created = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                    created.setGroupId(group);
                    created.setResource(resource);
                    created.setResourceId(resourceId);
                    return created;
                });
        auth.setPermissions(permissions); // written at every start: a few rows, under the startup lock
        authorizations.saveAuthorization(auth);
    }

    /**
     * Tasks created before the engine granted candidate groups their tasks (an older version gave the
     * secretariat every task): each open task's candidate groups get TASK_WORK on it, as new tasks do.
     */
    private void taskGrants() {
        for (Task task : tasks.createTaskQuery().list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
                        && authorizations.createAuthorizationQuery().groupIdIn(link.getGroupId())
                        .resourceType(Resources.TASK).resourceId(task.getId()).count() == 0) {
                    grant(link.getGroupId(), Resources.TASK, task.getId(), TaskPermissions.TASK_WORK);
                }
            }
        }
    }

    /** Tasklist lists no task until a filter exists. */
    private void tasklistFilters() {
        filter("Mine opgaver", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter("Sekretariatet", 0, tasks.createTaskQuery().taskCandidateGroup(SECRETARIAT_GROUP));
        filter("Bestyrelsen", 10, tasks.createTaskQuery().taskCandidateGroup(BOARD_GROUP));
    }

    private void filter(String name, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
        filter.setQuery(query);
        filters.saveFilter(filter);
    }

}
