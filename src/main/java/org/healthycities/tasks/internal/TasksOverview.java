package org.healthycities.tasks.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.healthycities.security.CurrentUser;
import org.healthycities.web.OverviewPanel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The overview's open tasks of the person's networks, by kind, the kinds with overdue tasks first. */
@Component
class TasksOverview implements OverviewPanel {

    private static final int KINDS = 8;
    private static final int LIMIT = 2_000;

    private final TaskService tasks;
    private final RepositoryService repository;
    private final MessageSource messages;
    private final Clock clock;

    TasksOverview(TaskService tasks, RepositoryService repository,
                  MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.repository = repository;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public boolean staffOnly() {
        return false;
    }

    @Override
    public Optional<Panel> panel(CurrentUser user, Set<String> visible) {
        List<Row> rows = new ArrayList<>();
        TaskQuery query = tasks.createTaskQuery().active().tenantIdIn(visible.toArray(String[]::new));
        Date now = Date.from(clock.instant());
        Locale locale = LocaleContextHolder.getLocale();
        List<Task> open = query.listPage(0, LIMIT);
        String[] definitionIds = open.stream().map(Task::getProcessDefinitionId).distinct().toArray(String[]::new);
        Map<String, String> processKeys = definitionIds.length == 0 ? Map.of()
                : repository.createProcessDefinitionQuery().processDefinitionIdIn(definitionIds).list().stream()
                .collect(Collectors.toMap(d -> d.getId(), d -> d.getKey()));
        // a kind is a task of a process, named from the bundles in the reader's language (the BPMN names are Danish)
        Map<String, int[]> kinds = new LinkedHashMap<>(); // "process.<process>.<task>" -> {open, overdue}
        Map<String, String> engineNames = new HashMap<>();
        for (Task task : open) {
            String kind = "process." + processKeys.get(task.getProcessDefinitionId()) + "." + task.getTaskDefinitionKey();
            engineNames.putIfAbsent(kind, task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
            int[] count = kinds.computeIfAbsent(kind, k -> new int[2]);
            count[0]++;
            if (task.getDueDate() != null && task.getDueDate().before(now)) {
                count[1]++;
            }
        }
        kinds.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, int[]> e) -> -e.getValue()[1])
                        .thenComparingInt(e -> -e.getValue()[0]))
                .limit(KINDS)
                .forEach(e -> rows.add(new Row("tasks.overview.kind", new Object[] {
                        messages.getMessage(e.getKey(), null, engineNames.get(e.getKey()), locale), e.getValue()[0],
                        e.getValue()[1]}, "/tasks?view=ALL&q=" + URLEncoder.encode(engineNames.get(e.getKey()),
                        StandardCharsets.UTF_8), e.getValue()[1] > 0)));
        return Optional.of(new Panel(10, "tasks.overview.title", "/tasks", rows, "tasks.overview.none"));
    }
}
