package org.healthycities.tasks.internal;

import static org.healthycities.security.NotFound.notFound;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.healthycities.documents.DocumentDownloads;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.tasks.DueState;
import org.healthycities.tasks.TaskFormState;
import org.healthycities.tasks.TaskRecordPanel;
import org.healthycities.tasks.TaskView;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The task list and the task page. Everything is scoped to the person's networks; elsewhere is "not found". */
@Controller
@RequestMapping("/tasks")
class TaskController {

    /** Where a claim may send the person back to: our own list or task pages only. */
    private static final Pattern BACK = Pattern.compile("/tasks(/[A-Za-z0-9-]+)?(\\?[A-Za-z0-9=&%._+*~-]*)?");

    private final TaskDirectory directory;
    private final TaskWork work;
    private final TaskHistory history;
    private final TaskPlugins plugins;
    private final DocumentDownloads downloads;
    private final MessageSource messages;
    private final Clock clock;

    TaskController(TaskDirectory directory, TaskWork work, TaskHistory history, TaskPlugins plugins,
                   DocumentDownloads downloads, MessageSource messages, Clock clock) {
        this.downloads = downloads;
        this.directory = directory;
        this.work = work;
        this.history = history;
        this.plugins = plugins;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("now", clock.instant());
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String view,
                @RequestParam(required = false) String process, @RequestParam(required = false) String network,
                @RequestParam(required = false) String due, @RequestParam(defaultValue = "false") boolean all,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                Model model) {
        // the admin is in no candidate group: their everyday view is every task
        TaskFilter filter = TaskFilter.of(view, process, network, due, all, q,
                user.isAdmin() ? TaskFilter.View.ALL : TaskFilter.View.GROUPS);
        var tasks = directory.list(user, filter, page, clock.instant());
        model.addAttribute("filter", filter);
        model.addAttribute("page", tasks);
        model.addAttribute("views", TaskFilter.View.values());
        model.addAttribute("dueStates", List.of(DueState.OVERDUE, DueState.SOON, DueState.NONE));
        model.addAttribute("processes", directory.processes(user));
        model.addAttribute("networks", directory.networks(user));
        model.addAttribute("people", directory.displayNames(tasks.map(TaskView::assignee).toList()));
        model.addAttribute("subjects", plugins.subjects(tasks.getContent()));
        model.addAttribute("back", filter.link(page));
        return "tasks/list";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, Locale locale, Model model) {
        TaskView task = directory.find(user, id).orElseThrow(NotFound::notFound);
        return page(user, task, TaskFormState.empty(), locale, model);
    }

    /** A document of the task's record, if the record's panel lets this person read it here; else "not found". */
    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<InputStreamResource> document(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                                                 @PathVariable Long documentId) {
        TaskView task = directory.find(user, id).orElseThrow(NotFound::notFound);
        TaskRecordPanel panel = plugins.panel(task).orElseThrow(NotFound::notFound);
        return downloads.download(documentId, d -> panel.mayRead(task, user, d));
    }

    @PostMapping("/{id}/claim")
    String claim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                 @RequestParam(required = false) String back, Locale locale, RedirectAttributes redirect) {
        TaskWork.Result result = work.claim(user, id);
        flash(result, "tasks.claimed", locale, redirect);
        return "redirect:" + (back != null && BACK.matcher(back).matches() ? back : "/tasks/" + id);
    }

    @PostMapping("/{id}/unclaim")
    String unclaim(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                   @RequestParam(required = false) String back, Locale locale, RedirectAttributes redirect) {
        TaskWork.Result result = work.unclaim(user, id);
        flash(result, "tasks.unclaimed", locale, redirect);
        return "redirect:" + (back != null && BACK.matcher(back).matches() ? back : "/tasks/" + id);
    }

    @PostMapping("/{id}/complete")
    String complete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
                    @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
                    HttpServletResponse response, Locale locale, Model model, RedirectAttributes redirect) {
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>(params);
        submitted.remove("_csrf");
        TaskWork.Result result = work.complete(user, id, submitted, files(request), locale);
        switch (result.status()) {
            case DONE -> {
                redirect.addFlashAttribute("message", text("tasks.completed", locale, result.task().name()));
                return "redirect:/tasks";
            }
            case NOT_FOUND -> throw notFound();
            case INVALID -> response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            default -> {
                // nothing was saved: say why, and show what was typed so it is not lost
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("error", refusal(result, locale));
                model.addAttribute("lostInput", result.status() == TaskWork.Status.ENDED ? submitted : null);
            }
        }
        return page(user, result.task(), new TaskFormState(submitted, result.errors()), locale, model);
    }

    private String page(CurrentUser user, TaskView task, TaskFormState state, Locale locale, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("networkName", directory.networks(user).getOrDefault(task.networkId(), task.networkId()));
        model.addAttribute("people", directory.displayNames(List.of(user.id(),
                task.assignee() == null ? user.id() : task.assignee())));
        model.addAttribute("panel", plugins.panel(task).map(p -> p.render(task, user, locale)).orElse(null));
        boolean mine = user.id().equals(task.assignee());
        boolean candidate = task.open() && task.assignee() == null && directory.isCandidate(user, task.id());
        model.addAttribute("mine", mine);
        model.addAttribute("canClaim", candidate);
        model.addAttribute("canWork", task.open() && (mine || candidate));
        if (task.open() && (mine || candidate)) {
            model.addAttribute("form", plugins.handler(task).form(task, state, user, locale));
            model.addAttribute("formState", state);
        }
        model.addAttribute("tasklistUrl", "/camunda/app/tasklist/default/#/?task=" + task.id());
        model.addAttribute("history", history.of(task, locale));
        return "tasks/task";
    }

    private void flash(TaskWork.Result result, String doneKey, Locale locale, RedirectAttributes redirect) {
        if (result.status() == TaskWork.Status.NOT_FOUND) {
            throw notFound();
        }
        if (result.status() == TaskWork.Status.DONE) {
            redirect.addFlashAttribute("message", text(doneKey, locale, result.task().name()));
        } else {
            redirect.addFlashAttribute("error", refusal(result, locale));
        }
    }

    private String refusal(TaskWork.Result result, Locale locale) {
        TaskView task = result.task();
        return switch (result.status()) {
            case ENDED -> text("tasks.refused.ended", locale, task.name(), name(task.assignee()));
            case CLAIMED_BY_OTHER -> text("tasks.refused.claimedByOther", locale, task.name(), name(task.assignee()));
            case NOT_CANDIDATE -> text("tasks.refused.notCandidate", locale, task.name());
            default -> throw new IllegalStateException("not a refusal: " + result.status());
        };
    }

    private String name(String userId) {
        return userId == null ? "–" : directory.displayNames(List.of(userId)).get(userId);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The uploaded files by field name; an empty file input is no upload. */
    private static MultiValueMap<String, MultipartFile> files(HttpServletRequest request) {
        MultiValueMap<String, MultipartFile> files = new LinkedMultiValueMap<>();
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap().forEach((field, list) -> list.stream().filter(f -> !f.isEmpty())
                    .forEach(f -> files.add(field, f)));
        }
        return files;
    }

}
