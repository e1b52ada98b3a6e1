package org.healthycities.workshop.internal;

import static org.healthycities.security.NotFound.notFound;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.security.CurrentUser;
import org.healthycities.security.NotFound;
import org.healthycities.web.Confirmation;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.QuestionEditForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.Forms.SessionEditForm;
import org.healthycities.workshop.internal.Forms.SessionForm;
import org.healthycities.workshop.internal.Forms.WorkshopEditForm;
import org.healthycities.workshop.internal.Forms.WorkshopForm;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's setup pages: workshops, sessions with groups, assignments and questions, opening. */
@Controller
class WorkshopController {

    /** Where a new join code waits to be shown on the projector (it is stored only hashed). */
    static final String CODES = "workshop.joinCodes";

    private final WorkshopService workshops;
    private final NetworkDirectory directory;

    WorkshopController(WorkshopService workshops, NetworkDirectory directory) {
        this.workshops = workshops;
        this.directory = directory;
    }


    private Set<String> networks(CurrentUser user) {
        return directory.visibleTo(user);
    }

    @GetMapping("/workshops")
    String list(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        Set<String> networks = networks(user);
        model.addAttribute("workshops", workshops.workshops(networks));
        if (!model.containsAttribute("workshopForm")) {
            model.addAttribute("workshopForm", WorkshopForm.empty(directory.defaultFor(user, locale).orElse("")));
        }
        model.addAttribute("networks", directory.networks().stream().filter(n -> networks.contains(n.getId())).toList());
        return "workshop/list";
    }

    @PostMapping("/workshops")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("workshopForm") WorkshopForm form,
                  BindingResult errors, Model model, Locale locale) {
        Optional<Workshop> created = workshops.create(networks(user), form, errors); // adds its checks to the form's
        if (created.isEmpty()) {
            return list(user, model, locale);
        }
        return "redirect:/workshops/" + created.get().getId();
    }

    @GetMapping("/workshops/{id}")
    String workshop(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Workshop workshop = workshops.workshop(networks(user), id).orElseThrow(NotFound::notFound);
        model.addAttribute("workshop", workshop);
        model.addAttribute("sessions", workshops.sessionsOf(workshop));
        model.addAttribute("network", directory.network(workshop.getNetworkId()).orElseThrow());
        if (!model.containsAttribute("sessionForm")) {
            model.addAttribute("sessionForm", SessionForm.empty());
        }
        return "workshop/workshop";
    }

    @PostMapping("/workshops/{id}/sessions")
    String addSession(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                      @Valid @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model,
                      Locale locale) {
        workshops.workshop(networks(user), id).orElseThrow(NotFound::notFound);
        Optional<WorkshopSession> created = workshops.addSession(networks(user), id, form, errors, locale);
        if (created.isEmpty()) {
            return workshop(user, id, model);
        }
        return "redirect:/workshops/sessions/" + created.get().getId();
    }

    @GetMapping("/workshops/sessions/{id}")
    String session(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        model.addAttribute("view", view);
        model.addAttribute("kinds", Question.Kind.values());
        model.addAttribute("sources", view.session().isDraft() ? workshops.copySources(networks(user), id) : List.of());
        if (!model.containsAttribute("assignmentForm")) {
            model.addAttribute("assignmentForm", AssignmentForm.empty());
        }
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.empty());
        }
        return "workshop/session";
    }

    @PostMapping("/workshops/sessions/{id}/assignments")
    String addAssignment(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                         @Valid @ModelAttribute("assignmentForm") AssignmentForm form, BindingResult errors,
                         Model model) {
        if (errors.hasErrors()) {
            return session(user, id, model);
        }
        workshops.addAssignment(networks(user), id, form).orElseThrow(NotFound::notFound);
        return "redirect:/workshops/sessions/" + id;
    }

    @PostMapping("/workshops/sessions/{id}/assignments/{assignmentId}/questions")
    String addQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                       @PathVariable Long assignmentId, @Valid @ModelAttribute("questionForm") QuestionForm form,
                       BindingResult errors, Model model) {
        Optional<Question> added = workshops.addQuestion(networks(user), id, assignmentId, form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("questionFor", assignmentId);
            model.addAttribute("refusals", errors.getGlobalErrors());
            return session(user, id, model);
        }
        added.orElseThrow(NotFound::notFound);
        return "redirect:/workshops/sessions/" + id + "#assignment-" + assignmentId;
    }

    @PostMapping("/workshops/sessions/{id}/questions/{questionId}/delete")
    String removeQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long questionId,
                          HttpServletRequest request, Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        String label = view.questions().stream().filter(q -> q.getId().equals(questionId)).map(Question::getLabel)
                .findFirst().orElseThrow(NotFound::notFound);
        long answers = workshops.answersTo(questionId);
        Optional<String> ask = Confirmation.ask(request, model, "workshop.question.delete.confirm",
                answers > 0 ? "workshop.question.delete.confirm.answered" : "workshop.question.delete.confirm.text",
                new Object[] {label, answers}, "workshop.question.delete", "/workshops/sessions/" + id);
        if (ask.isPresent()) {
            return ask.get();
        }
        if (!workshops.removeQuestion(networks(user), id, questionId)) {
            throw notFound();
        }
        return "redirect:/workshops/sessions/" + id;
    }

    @PostMapping("/workshops/sessions/{id}/assignments/{assignmentId}/delete")
    String removeAssignment(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                            @PathVariable Long assignmentId, HttpServletRequest request, Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        String title = view.assignments().stream().filter(a -> a.assignment().getId().equals(assignmentId))
                .map(a -> a.assignment().getTitle()).findFirst().orElseThrow(NotFound::notFound);
        Optional<String> ask = Confirmation.ask(request, model, "workshop.assignment.delete.confirm",
                "workshop.assignment.delete.confirm.text", new Object[] {title}, "workshop.assignment.delete",
                "/workshops/sessions/" + id);
        if (ask.isPresent()) {
            return ask.get();
        }
        if (!workshops.removeAssignment(networks(user), id, assignmentId)) {
            throw notFound();
        }
        return "redirect:/workshops/sessions/" + id;
    }

    @PostMapping("/workshops/sessions/{id}/copy")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @RequestParam Long from,
                RedirectAttributes redirect) {
        int copied = workshops.copyAssignments(networks(user), from, id).orElseThrow(NotFound::notFound);
        redirect.addFlashAttribute("copied", copied);
        return "redirect:/workshops/sessions/" + id;
    }

    @PostMapping("/workshops/sessions/{id}/open")
    String open(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, HttpSession http, Model model) {
        BindingResult errors = new BeanPropertyBindingResult(new Object(), "open");
        Optional<String> code = workshops.open(networks(user), id, errors);
        if (errors.hasErrors()) {
            model.addAttribute("openErrors", errors.getGlobalErrors());
            return session(user, id, model);
        }
        remember(http, id, code.orElseThrow(NotFound::notFound));
        return "redirect:/workshops/sessions/" + id + "/projector";
    }

    @PostMapping("/workshops/sessions/{id}/code")
    String newCode(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, HttpSession http) {
        remember(http, id, workshops.newCode(networks(user), id).orElseThrow(NotFound::notFound));
        return "redirect:/workshops/sessions/" + id + "/projector";
    }

    @PostMapping("/workshops/sessions/{id}/close")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, HttpServletRequest request,
                 Model model, RedirectAttributes redirect) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        Optional<String> ask = Confirmation.ask(request, model, "workshop.close.confirm", "workshop.close.confirm.text",
                new Object[] {view.session().getTitle()}, "workshop.close", "/workshops/sessions/" + id + "/live");
        if (ask.isPresent()) {
            return ask.get();
        }
        redirect.addFlashAttribute("closed", workshops.closeEarly(networks(user), id));
        return "redirect:/workshops/sessions/" + id + "/live";
    }

    // ---- corrections (issue 15) ----

    @GetMapping("/workshops/{id}/edit")
    String editWorkshop(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        Workshop workshop = workshops.workshop(networks(user), id).orElseThrow(NotFound::notFound);
        if (!model.containsAttribute("workshopEditForm")) {
            model.addAttribute("workshopEditForm", WorkshopEditForm.of(workshop));
        }
        model.addAttribute("workshop", workshop);
        model.addAttribute("locked", workshops.hasOpenedSession(workshop));
        model.addAttribute("currentVersion", workshop.getVersion());
        return "workshop/workshop-edit";
    }

    @PostMapping("/workshops/{id}/edit")
    String saveWorkshop(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                        @Valid @ModelAttribute("workshopEditForm") WorkshopEditForm form, BindingResult errors,
                        Model model, RedirectAttributes redirect) {
        workshops.correct(networks(user), id, form, errors).orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            return editWorkshop(user, id, model);
        }
        redirect.addFlashAttribute("saved", "workshop.edit.saved");
        return "redirect:/workshops/" + id;
    }

    @GetMapping("/workshops/sessions/{id}/edit")
    String editSession(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        if (!model.containsAttribute("sessionEditForm")) {
            model.addAttribute("sessionEditForm", workshops.editForm(view));
        }
        model.addAttribute("view", view);
        model.addAttribute("currentVersion", view.session().getVersion());
        return "workshop/session-edit";
    }

    @PostMapping("/workshops/sessions/{id}/edit")
    String saveSession(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                       @Valid @ModelAttribute("sessionEditForm") SessionEditForm form, BindingResult errors,
                       Model model, Locale locale, RedirectAttributes redirect) {
        workshops.correctSession(networks(user), id, form, errors, locale).orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            return editSession(user, id, model);
        }
        redirect.addFlashAttribute("saved", "workshop.edit.saved");
        return "redirect:/workshops/sessions/" + id;
    }

    @GetMapping("/workshops/sessions/{id}/questions/{questionId}/edit")
    String editQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long questionId,
                        Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        Question question = view.questions().stream().filter(q -> q.getId().equals(questionId)).findFirst()
                .orElseThrow(NotFound::notFound);
        if (!model.containsAttribute("questionEditForm")) {
            model.addAttribute("questionEditForm", QuestionEditForm.of(question));
        }
        model.addAttribute("view", view);
        model.addAttribute("question", question);
        model.addAttribute("kinds", Question.Kind.values());
        return "workshop/question-edit";
    }

    @PostMapping("/workshops/sessions/{id}/questions/{questionId}/edit")
    String saveQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long questionId,
                        @Valid @ModelAttribute("questionEditForm") QuestionEditForm form, BindingResult errors,
                        Model model, RedirectAttributes redirect) {
        Question question = workshops.correctQuestion(networks(user), id, questionId, form, errors)
                .orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            return editQuestion(user, id, questionId, model);
        }
        redirect.addFlashAttribute("saved", "workshop.edit.saved");
        return "redirect:/workshops/sessions/" + id + "#assignment-" + question.getAssignmentId();
    }

    @GetMapping("/workshops/sessions/{id}/assignments/{assignmentId}/edit")
    String editAssignment(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                          @PathVariable Long assignmentId, Model model) {
        SessionView view = workshops.session(networks(user), id).orElseThrow(NotFound::notFound);
        Assignment assignment = workshops.assignment(networks(user), id, assignmentId)
                .orElseThrow(NotFound::notFound);
        if (!model.containsAttribute("assignmentForm")) {
            model.addAttribute("assignmentForm", new AssignmentForm(assignment.getTitle(),
                    assignment.getIntro() == null ? "" : assignment.getIntro()));
        }
        model.addAttribute("view", view);
        model.addAttribute("assignment", assignment);
        return "workshop/assignment-edit";
    }

    @PostMapping("/workshops/sessions/{id}/assignments/{assignmentId}/edit")
    String saveAssignment(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id,
                          @PathVariable Long assignmentId, @Valid @ModelAttribute("assignmentForm") AssignmentForm form,
                          BindingResult errors, Model model, RedirectAttributes redirect) {
        workshops.correctAssignment(networks(user), id, assignmentId, form, errors)
                .orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            return editAssignment(user, id, assignmentId, model);
        }
        redirect.addFlashAttribute("saved", "workshop.edit.saved");
        return "redirect:/workshops/sessions/" + id + "#assignment-" + assignmentId;
    }

    /** One place up or down among the assignment's questions (no script: one small form per button). */
    @PostMapping("/workshops/sessions/{id}/questions/{questionId}/move")
    String moveQuestion(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, @PathVariable Long questionId,
                        @RequestParam String direction, Model model) {
        BindingResult errors = new BeanPropertyBindingResult(new Object(), "move");
        workshops.moveQuestion(networks(user), id, questionId, "up".equals(direction), errors)
                .orElseThrow(NotFound::notFound);
        if (errors.hasErrors()) {
            model.addAttribute("refusals", errors.getGlobalErrors());
            return session(user, id, model);
        }
        return "redirect:/workshops/sessions/" + id;
    }

    @SuppressWarnings("unchecked")
    static void remember(HttpSession http, Long sessionId, String code) {
        Map<Long, String> codes = (Map<Long, String>) http.getAttribute(CODES);
        Map<Long, String> copy = codes == null ? new HashMap<>() : new HashMap<>(codes);
        copy.put(sessionId, code);
        http.setAttribute(CODES, copy);
    }

    @SuppressWarnings("unchecked")
    static Optional<String> remembered(HttpSession http, Long sessionId) {
        Map<Long, String> codes = (Map<Long, String>) http.getAttribute(CODES);
        return Optional.ofNullable(codes == null ? null : codes.get(sessionId));
    }
}
