package org.healthycities.workshop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.SecretCodes;
import org.healthycities.workshop.Forms.AssignmentForm;
import org.healthycities.workshop.Forms.QuestionForm;
import org.healthycities.workshop.Forms.SessionForm;
import org.healthycities.workshop.Forms.WorkshopForm;
import org.healthycities.workshop.SessionView.AssignmentView;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Setting up and running workshops for the secretariat. Every call names the networks the caller may see;
 * anything outside them is "not found", so no id guessing reaches another network's workshop.
 */
@Service
@Transactional
class WorkshopService {

    static final int MAX_GROUPS = 100;

    private final WorkshopRepository workshops;
    private final SessionRepository sessions;
    private final GroupRepository groups;
    private final AssignmentRepository assignments;
    private final QuestionRepository questions;
    private final SheetStore sheets;
    private final WorkshopProcess process;
    private final MessageSource messages;

    /** Join codes are kept as keyed hashes: 30 bits in a plain hash would be reversed in seconds. */
    private final SecretCodes codes;
    private final NetworkClock time;

    WorkshopService(WorkshopRepository workshops, SessionRepository sessions, GroupRepository groups,
                    AssignmentRepository assignments, QuestionRepository questions, SheetStore sheets,
                    WorkshopProcess process, MessageSource messages, SecretCodes codes, NetworkClock time) {
        this.time = time;
        this.codes = codes;
        this.workshops = workshops;
        this.sessions = sessions;
        this.groups = groups;
        this.assignments = assignments;
        this.questions = questions;
        this.sheets = sheets;
        this.process = process;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    List<Workshop> workshops(Collection<String> networks) {
        return networks.isEmpty() ? List.of()
                : workshops.findByNetworkIdInAndTemplateOrderByStartsOnDescIdDesc(networks, false);
    }

    @Transactional(readOnly = true)
    Optional<Workshop> workshop(Collection<String> networks, Long id) {
        return workshops.findById(id).filter(w -> networks.contains(w.getNetworkId()));
    }

    @Transactional(readOnly = true)
    List<WorkshopSession> sessionsOf(Workshop workshop) {
        return sessions.findByWorkshopIdOrderById(workshop.getId());
    }

    /** Creates a workshop; the network must be one the caller may see. */
    Optional<Workshop> create(Collection<String> networks, WorkshopForm form, Errors errors) {
        if (form.networkId() != null && !form.networkId().isBlank() && !networks.contains(form.networkId())) {
            errors.rejectValue("networkId", "workshop.network.unknown");
        }
        checkDates(form, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(workshops.save(new Workshop(form.networkId(), form.title(), form.startsOn(),
                form.endsOn(), form.place(), time.now())));
    }

    Optional<Workshop> update(Collection<String> networks, Long id, WorkshopForm form, Errors errors) {
        Optional<Workshop> found = workshop(networks, id);
        checkDates(form, errors);
        if (found.isEmpty() || errors.hasErrors()) {
            return found;
        }
        found.get().update(form.title(), form.startsOn(), form.endsOn(), form.place());
        return found;
    }

    private static void checkDates(WorkshopForm form, Errors errors) {
        if (form.startsOn() != null && form.endsOn() != null && form.endsOn().isBefore(form.startsOn())) {
            errors.rejectValue("endsOn", "workshop.endsOn.beforeStart");
        }
    }

    /** Adds a session with its groups: "4" makes Gruppe 1-4, otherwise one name a line. */
    Optional<WorkshopSession> addSession(Collection<String> networks, Long workshopId, SessionForm form,
                                         Errors errors, Locale locale) {
        Optional<Workshop> workshop = workshop(networks, workshopId);
        if (workshop.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = groupNames(form.groups(), errors, locale);
        Instant deadline = form.deadline() == null ? null : form.deadline().atZone(time.zone(workshop.get().getNetworkId())).toInstant();
        if (deadline != null && !deadline.isAfter(time.now())) {
            errors.rejectValue("deadline", "workshop.session.deadline.past");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        WorkshopSession session = sessions.save(new WorkshopSession(workshopId, form.title(), deadline));
        for (int i = 0; i < names.size(); i++) {
            groups.save(new WorkshopGroup(session.getId(), i + 1, names.get(i)));
        }
        return Optional.of(session);
    }

    private List<String> groupNames(String input, Errors errors, Locale locale) {
        if (input == null || input.isBlank()) {
            return List.of();
        }
        String trimmed = input.trim();
        if (trimmed.matches("\\d{1,4}")) {
            int n = Integer.parseInt(trimmed);
            if (n < 1 || n > MAX_GROUPS) {
                errors.rejectValue("groups", "workshop.session.groups.count", new Object[] {MAX_GROUPS}, null);
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(messages.getMessage("workshop.group.numbered", new Object[] {i}, locale));
            }
            return names;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : trimmed.split("\\R")) {
            String name = line.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > 100) {
                errors.rejectValue("groups", "workshop.session.groups.long");
                return List.of();
            }
            if (!names.add(name)) {
                errors.rejectValue("groups", "workshop.session.groups.duplicate", new Object[] {name}, null);
                return List.of();
            }
        }
        if (names.size() > MAX_GROUPS) {
            errors.rejectValue("groups", "workshop.session.groups.count", new Object[] {MAX_GROUPS}, null);
        }
        return List.copyOf(names);
    }

    @Transactional(readOnly = true)
    Optional<SessionView> session(Collection<String> networks, Long sessionId) {
        return sessions.findById(sessionId).flatMap(s -> workshop(networks, s.getWorkshopId())
                .map(w -> view(w, s)));
    }

    /** The view of a session for the participant pages, which are not scoped by login. */
    @Transactional(readOnly = true)
    SessionView sessionForParticipant(Long sessionId) {
        WorkshopSession s = sessions.findById(sessionId).orElseThrow();
        return view(workshops.findById(s.getWorkshopId()).orElseThrow(), s);
    }

    private SessionView view(Workshop workshop, WorkshopSession session) {
        List<Assignment> list = assignments.findBySessionIdOrderByPosition(session.getId());
        Map<Long, List<Question>> byAssignment = questions.findByAssignmentIdInOrderByAssignmentIdAscPositionAsc(
                        list.stream().map(Assignment::getId).toList()).stream()
                .collect(Collectors.groupingBy(Question::getAssignmentId));
        return new SessionView(workshop, session, groups.findBySessionIdOrderByPosition(session.getId()),
                list.stream().map(a -> new AssignmentView(a, byAssignment.getOrDefault(a.getId(), List.of()))).toList());
    }

    /** Sessions whose assignments may be copied: the caller's own workshops' and the templates'. */
    @Transactional(readOnly = true)
    List<SessionView> copySources(Collection<String> networks, Long exceptSessionId) {
        if (networks.isEmpty()) {
            return List.of();
        }
        List<Workshop> all = new ArrayList<>(workshops.findByNetworkIdInAndTemplateOrderByStartsOnDescIdDesc(networks, true));
        all.addAll(workshops.findByNetworkIdInAndTemplateOrderByStartsOnDescIdDesc(networks, false));
        return all.stream().flatMap(w -> sessions.findByWorkshopIdOrderById(w.getId()).stream()
                        .filter(s -> !s.getId().equals(exceptSessionId)).map(s -> view(w, s)))
                .filter(v -> !v.assignments().isEmpty()).toList();
    }

    /** Copies all assignments and questions of another session (or a template) after the existing ones. */
    Optional<Integer> copyAssignments(Collection<String> networks, Long fromSessionId, Long toSessionId) {
        Optional<SessionView> to = editable(networks, toSessionId);
        Optional<SessionView> from = session(networks, fromSessionId);
        if (to.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        int position = to.get().assignments().size();
        for (AssignmentView a : from.get().assignments()) {
            Assignment copy = assignments.save(new Assignment(toSessionId, ++position, a.assignment().getTitle(),
                    a.assignment().getIntro()));
            a.questions().forEach(q -> questions.save(q.copyTo(copy.getId())));
        }
        return Optional.of(from.get().assignments().size());
    }

    private Optional<SessionView> editable(Collection<String> networks, Long sessionId) {
        return session(networks, sessionId).filter(v -> v.session().isDraft());
    }

    Optional<Assignment> addAssignment(Collection<String> networks, Long sessionId, AssignmentForm form) {
        return editable(networks, sessionId).map(v -> assignments.save(
                new Assignment(sessionId, v.assignments().size() + 1, form.title(), form.intro())));
    }

    Optional<Question> addQuestion(Collection<String> networks, Long sessionId, Long assignmentId,
                                   QuestionForm form, Errors errors) {
        Optional<AssignmentView> assignment = editable(networks, sessionId).flatMap(v -> v.assignments().stream()
                .filter(a -> a.assignment().getId().equals(assignmentId)).findFirst());
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        if (form.kind() == Question.Kind.CHOICE && Question.split(form.options()).size() < 2) {
            errors.rejectValue("options", "workshop.question.options.required");
        }
        if (form.kind() == Question.Kind.SCALE && (form.scaleMin() == null || form.scaleMax() == null
                || form.scaleMax() <= form.scaleMin())) {
            errors.rejectValue("scaleMax", "workshop.question.scale.order");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(questions.save(new Question(assignmentId, assignment.get().questions().size() + 1,
                form.label(), form.kind(), form.options(), form.scaleMin(), form.scaleMax())));
    }

    /** Removes a question or a whole assignment while the session is still being set up. */
    boolean removeQuestion(Collection<String> networks, Long sessionId, Long questionId) {
        Optional<Question> question = editable(networks, sessionId).flatMap(v -> v.questions().stream()
                .filter(q -> q.getId().equals(questionId)).findFirst());
        question.ifPresent(questions::delete);
        return question.isPresent();
    }

    boolean removeAssignment(Collection<String> networks, Long sessionId, Long assignmentId) {
        Optional<AssignmentView> found = editable(networks, sessionId).flatMap(v -> v.assignments().stream()
                .filter(a -> a.assignment().getId().equals(assignmentId)).findFirst());
        found.ifPresent(a -> {
            questions.deleteAll(a.questions());
            assignments.delete(a.assignment());
        });
        return found.isPresent();
    }

    /**
     * Opens the session: a new join code (returned once, kept only hashed), one sheet per group, and the
     * group-work process (business key = session id, tenant = network). Refused while it has no group or
     * no question, or when the deadline has passed.
     */
    Optional<String> open(Collection<String> networks, Long sessionId, Errors errors) {
        Optional<SessionView> found = editable(networks, sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionView view = found.get();
        if (view.groups().isEmpty()) {
            errors.reject("workshop.open.noGroups");
        }
        if (view.questions().isEmpty()) {
            errors.reject("workshop.open.noQuestions");
        }
        if (view.session().getDeadline() == null || !view.session().getDeadline().isAfter(time.now())) {
            errors.reject("workshop.open.deadlinePassed");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String code = uniqueCode();
        view.session().open(codes.hash(code), time.now());
        sessions.saveAndFlush(view.session());
        sheets.createSheets(view);
        process.start(view);
        return Optional.of(code);
    }

    /** A new code for an open session (the old one stops working; people who joined keep their link). */
    Optional<String> newCode(Collection<String> networks, Long sessionId) {
        return session(networks, sessionId).filter(v -> v.session().isOpen()).map(v -> {
            String code = uniqueCode();
            v.session().newCode(codes.hash(code));
            sessions.saveAndFlush(v.session());
            return code;
        });
    }

    private String uniqueCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = Codes.newJoinCode();
            if (sessions.findByJoinCodeHash(codes.hash(code)).isEmpty()) {
                return code;
            }
        }
        throw new DataIntegrityViolationException("No free join code found");
    }

    /** The secretariat closes the session before the deadline: the process collects the sheets. */
    boolean closeEarly(Collection<String> networks, Long sessionId) {
        Optional<SessionView> found = session(networks, sessionId).filter(v -> v.session().isOpen());
        found.ifPresent(v -> {
            v.session().close(time.now(), true);
            sessions.saveAndFlush(v.session());
            process.closeEarly(v);
        });
        return found.isPresent();
    }

}
