package org.healthycities.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.security.CurrentUser;
import org.healthycities.support.IntegrationTest;
import org.healthycities.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine itself keeps each user task to the group the BPMN names: a task's candidate group may claim and
 * complete it, another group may read it and nothing more, and no group but the admin works tasks by a blanket
 * grant. So the rule holds in Tasklist and over REST as on our pages, which call the engine as the person.
 */
@IntegrationTest
class TaskAuthorizationIT {

    private static final String SUND_BY = "sund-by";

    @Autowired MembershipFixtures fixtures;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    @Test
    void onlyTheCandidateGroupClaimsOrCompletesItsTask() {
        String secretary = TestUsers.create(identity, "authsek", CurrentUser.SECRETARIAT, SUND_BY);
        String boardMember = TestUsers.create(identity, "authbest", CurrentUser.BOARD, SUND_BY);
        Application a = fixtures.apply(SUND_BY, fixtures.newMunicipality(SUND_BY));
        String pid = fixtures.instance(a).getId();
        fixtures.runJobs(pid);
        Task review = fixtures.task(pid, "review");

        as(boardMember, CurrentUser.BOARD);
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).as("the board reads it").isEqualTo(1);
        assertThatThrownBy(() -> tasks.claim(review.getId(), boardMember)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "approve")))
                .isInstanceOf(AuthorizationException.class);

        as(secretary, CurrentUser.SECRETARIAT);
        tasks.claim(review.getId(), secretary);
        tasks.complete(review.getId(), Map.of("reviewDecision", "approve"));
        fixtures.runJobs(pid);
        Task board = fixtures.task(pid, "board");
        assertThatThrownBy(() -> tasks.claim(board.getId(), secretary)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.complete(board.getId(), Map.of("boardDecision", "approve",
                "boardDecisionDate", "2026-11-20"))).isInstanceOf(AuthorizationException.class);
        assertThat(fixtures.task(pid, "board")).as("still open, unclaimed").extracting(Task::getAssignee).isNull();

        as(boardMember, CurrentUser.BOARD);
        tasks.claim(board.getId(), boardMember);
        tasks.complete(board.getId(), Map.of("boardDecision", "approve", "boardDecisionDate", "2026-11-20"));
        fixtures.runJobs(pid);
        Task meeting = fixtures.task(pid, "welcomeMeeting");
        assertThatThrownBy(() -> tasks.complete(meeting.getId(), Map.of())).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void noGroupButTheAdminWorksTasksByABlanketGrant() {
        for (String group : List.of(CurrentUser.SECRETARIAT, CurrentUser.BOARD)) {
            refuses(group, Resources.TASK, TaskPermissions.UPDATE, TaskPermissions.TASK_WORK, TaskPermissions.TASK_ASSIGN);
            refuses(group, Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.UPDATE_TASK,
                    ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.TASK_ASSIGN);
        }
        Authorization admin = authorizations.createAuthorizationQuery().groupIdIn("admin").resourceType(Resources.TASK)
                .resourceId("*").singleResult();
        assertThat(admin.isPermissionGranted(Permissions.ALL)).isTrue();
    }

    private void refuses(String group, Resource resource, Permission... permissions) {
        // blanket grants only: the engine's own grants on single tasks are the point
        for (Authorization auth : authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId("*").list()) {
            for (Permission p : permissions) {
                assertThat(auth.isPermissionGranted(p)).as("%s holds %s on %s %s", group, p, resource.resourceName(),
                        auth.getResourceId()).isFalse();
            }
        }
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group), List.of(SUND_BY));
    }
}
