package org.healthycities.tasks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.healthycities.network.Network;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.tasks.DueState;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Finds tasks for a person. We call the engine without an engine user (no authorization checks), so every
 * query here is scoped to the person's networks explicitly; the admin sees all.
 */
@Service
class TaskDirectory {

    static final int PAGE_SIZE = 20;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final NetworkDirectory networks;
    private final ObjectProvider<TaskRecordPanel> panels;

    TaskDirectory(TaskService tasks, RepositoryService repository, RuntimeService runtime, HistoryService history,
                  IdentityService identity, NetworkDirectory networks,
                  ObjectProvider<TaskRecordPanel> panels) {
        this.panels = panels;
        this.tasks = tasks;
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.networks = networks;
    }

    /** A page of open tasks, soonest due first, then those without a due date; each by creation time. */
    Page<TaskView> list(CurrentUser user, TaskFilter filter, int page, Instant now) {
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        // two segments because the database would sort tasks without a due date first
        List<TaskQuery> segments = new ArrayList<>();
        Date start = Date.from(now);
        Date soon = Date.from(now.plus(TaskView.DUE_SOON));
        DueState due = filter.due();
        if (due != DueState.NONE) {
            TaskQuery withDue = query(user, filter);
            if (withDue != null) {
                if (due == null) {
                    withDue.dueAfter(new Date(0));
                } else {
                    switch (due) {
                        case OVERDUE -> withDue.dueBefore(start);
                        case SOON -> withDue.dueAfter(new Date(start.getTime() - 1)).dueBefore(soon);
                        default -> withDue.dueAfter(new Date(soon.getTime() - 1));
                    }
                }
                // the id last: tasks made in the same millisecond keep one order from page to page
                segments.add(withDue.orderByDueDate().asc().orderByTaskCreateTime().asc().orderByTaskId().asc());
            }
        }
        if (due == null || due == DueState.NONE) {
            TaskQuery without = query(user, filter);
            if (without != null) {
                segments.add(without.withoutDueDate().orderByTaskCreateTime().asc().orderByTaskId().asc());
            }
        }
        long total = 0;
        long skip = request.getOffset();
        List<Task> content = new ArrayList<>();
        for (TaskQuery segment : segments) {
            long count = segment.count();
            if (content.size() < PAGE_SIZE && skip < count) {
                content.addAll(segment.listPage((int) skip, PAGE_SIZE - content.size()));
            }
            skip = Math.max(0, skip - count);
            total += count;
        }
        return new PageImpl<>(views(content), request, total);
    }

    /** The base query for a person and filter, or null when it can match nothing. */
    private TaskQuery query(CurrentUser user, TaskFilter filter) {
        TaskQuery query = tasks.createTaskQuery().active();
        if (filter.network() != null) {
            if (!user.canSee(filter.network())) {
                return null;
            }
            query.tenantIdIn(filter.network());
        } else if (!user.isAdmin()) {
            if (user.networks().isEmpty()) {
                return null;
            }
            query.tenantIdIn(user.networks().toArray(String[]::new));
        }
        switch (filter.view()) {
            case MINE -> query.taskAssignee(user.id());
            case GROUPS -> {
                if (user.groups().isEmpty()) {
                    return null;
                }
                query.taskCandidateGroupIn(user.groupList());
                if (filter.includeAssigned()) {
                    query.includeAssignedTasks();
                }
            }
            case ALL -> { }
        }
        if (filter.process() != null) {
            query.processDefinitionKey(filter.process());
        }
        if (filter.q() != null) {
            String like = "%" + filter.q() + "%";
            Collection<String> scope = filter.network() != null ? List.of(filter.network())
                    : user.isAdmin() ? networks.networks().stream().map(n -> n.getId()).toList() : user.networks();
            String[] about = panels.orderedStream().flatMap(p -> p.businessKeysAbout(scope, filter.q().strip()).stream())
                    .distinct().toArray(String[]::new);
            var or = query.or().taskNameLike(like).processInstanceBusinessKeyLike(like);
            if (about.length > 0) {
                or.processInstanceBusinessKeyIn(about); // the task is about a municipality of that name
            }
            or.endOr();
        }
        return query;
    }

    /** An open task, or failing that an ended one, if it lies in the person's networks. */
    Optional<TaskView> find(CurrentUser user, String id) {
        TaskQuery open = tasks.createTaskQuery().taskId(id).initializeFormKeys();
        if (!user.isAdmin()) {
            if (user.networks().isEmpty()) {
                return Optional.empty();
            }
            open.tenantIdIn(user.networks().toArray(String[]::new));
        }
        Task task = open.singleResult();
        if (task != null) {
            return Optional.of(view(task, definitions(List.of(task.getProcessDefinitionId())),
                    businessKeys(List.of(task.getProcessInstanceId())), true));
        }
        var query = history.createHistoricTaskInstanceQuery().taskId(id).finished();
        if (!user.isAdmin()) {
            query.tenantIdIn(user.networks().toArray(String[]::new));
        }
        return Optional.ofNullable(query.singleResult()).map(this::view);
    }

    /** Whether the task is offered to the person (as a candidate user or through a group); the admin may work all. */
    boolean isCandidate(CurrentUser user, String taskId) {
        return user.isAdmin() || tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> user.id().equals(link.getUserId())
                        || (link.getGroupId() != null && user.inGroup(link.getGroupId())));
    }

    /** The processes the person may filter by: key to name (the newest version's), by name. */
    Map<String, String> processes(CurrentUser user) {
        var query = repository.createProcessDefinitionQuery().latestVersion();
        if (!user.isAdmin()) {
            if (user.networks().isEmpty()) {
                return Map.of();
            }
            query.tenantIdIn(user.networks().toArray(String[]::new));
        }
        return query.list().stream()
                .sorted(Comparator.comparing(TaskDirectory::name, String.CASE_INSENSITIVE_ORDER))
                .collect(Collectors.toMap(ProcessDefinition::getKey, TaskDirectory::name, (a, b) -> a,
                        LinkedHashMap::new));
    }

    /** The networks the person may see: id to name, by name. */
    Map<String, String> networks(CurrentUser user) {
        return networks.networks().stream().filter(n -> user.canSee(n.getId()))
                .collect(Collectors.toMap(Network::getId, Network::getName, (a, b) -> a, LinkedHashMap::new));
    }

    /** Display names ("First Last") of Camunda users; unknown ids stand for themselves. */
    Map<String, String> displayNames(Collection<String> userIds) {
        Set<String> ids = userIds.stream().filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.put(id, id));
        if (!ids.isEmpty()) {
            for (User u : identity.createUserQuery().userIdIn(ids.toArray(String[]::new)).list()) {
                String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                        + (u.getLastName() == null ? "" : u.getLastName())).trim();
                names.put(u.getId(), name.isEmpty() ? u.getId() : name);
            }
        }
        return names;
    }

    private List<TaskView> views(List<Task> list) {
        Map<String, ProcessDefinition> definitions = definitions(list.stream().map(Task::getProcessDefinitionId).toList());
        Map<String, String> keys = businessKeys(list.stream().map(Task::getProcessInstanceId).toList());
        return list.stream().map(t -> view(t, definitions, keys, false)).toList();
    }

    private TaskView view(Task t, Map<String, ProcessDefinition> definitions, Map<String, String> businessKeys,
                          boolean withForm) {
        ProcessDefinition definition = definitions.get(t.getProcessDefinitionId());
        String formRef = withForm && t.getCamundaFormRef() != null ? t.getCamundaFormRef().getKey() : null;
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                definition == null ? null : definition.getKey(), definition == null ? null : name(definition),
                t.getProcessInstanceId(), businessKeys.get(t.getProcessInstanceId()), t.getTenantId(), t.getAssignee(),
                instant(t.getCreateTime()), instant(t.getDueDate()), null, withForm ? t.getFormKey() : null, formRef);
    }

    private TaskView view(HistoricTaskInstance t) {
        HistoricProcessInstance instance = t.getProcessInstanceId() == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
        return new TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessDefinitionKey(),
                instance == null ? t.getProcessDefinitionKey() : instance.getProcessDefinitionName(),
                t.getProcessInstanceId(), instance == null ? null : instance.getBusinessKey(), t.getTenantId(),
                t.getAssignee(), instant(t.getStartTime()), instant(t.getDueDate()), instant(t.getEndTime()), null, null);
    }

    private Map<String, ProcessDefinition> definitions(Collection<String> ids) {
        String[] distinct = ids.stream().filter(id -> id != null).distinct().toArray(String[]::new);
        return distinct.length == 0 ? Map.of() : repository.createProcessDefinitionQuery()
                .processDefinitionIdIn(distinct).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
    }

    private Map<String, String> businessKeys(Collection<String> processInstanceIds) {
        Set<String> ids = processInstanceIds.stream().filter(id -> id != null).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery().processInstanceIds(ids).list()
                .stream().filter(p -> p.getBusinessKey() != null)
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
    }

    private static String name(ProcessDefinition definition) {
        return definition.getName() == null ? definition.getKey() : definition.getName();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
