package org.healthycities.workshop.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.SecretCodes;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.QuestionEditForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.Forms.SessionEditForm;
import org.healthycities.workshop.internal.Forms.SessionForm;
import org.healthycities.workshop.internal.Forms.WorkshopEditForm;
import org.healthycities.workshop.internal.Forms.WorkshopForm;
import org.healthycities.workshop.internal.SessionView.AssignmentView;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * Setting up and running workshops for the secretariat. Every call names the networks the caller may see;
 * anything outside them is "not found", so no id guessing reaches another network's workshop.
 */
@Service
@Transactional
public class WorkshopService {

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

    private final TransactionTemplate tx;

    WorkshopService(WorkshopRepository workshops, SessionRepository sessions, GroupRepository groups,
                    AssignmentRepository assignments, QuestionRepository questions, SheetStore sheets,
                    WorkshopProcess process, MessageSource messages, SecretCodes codes, NetworkClock time,
                    PlatformTransactionManager txm) {
        this.tx = new TransactionTemplate(txm);
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

    private static void checkDates(WorkshopForm form, Errors errors) {
        checkDates(form.startsOn(), form.endsOn(), errors);
    }

    private static void checkDates(LocalDate startsOn, LocalDate endsOn, Errors errors) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
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
        WorkshopSession draft = new WorkshopSession(workshopId, form.title(), deadline);
        draft.movePlace(form.place());
        WorkshopSession session = sessions.save(draft);
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

    /** The session as the groups see it now: a removed question is not in it. */
    @Transactional(readOnly = true)
    public Optional<SessionView> session(Collection<String> networks, Long sessionId) {
        return sessions.findById(sessionId).flatMap(s -> workshop(networks, s.getWorkshopId())
                .map(w -> view(w, s)));
    }

    /**
     * The session for the summary and the export: also the questions removed after it opened, as long as a
     * group answered them (their answers are kept, under the question's text).
     */
    @Transactional(readOnly = true)
    SessionView withAnsweredRemoved(SessionView view, Predicate<Long> answered) {
        return view(view.workshop(), view.session(), true).keep(q -> !q.isRemoved() || answered.test(q.getId()));
    }

    /** The view of a session for the participant pages, which are not scoped by login. */
    @Transactional(readOnly = true)
    SessionView sessionForParticipant(Long sessionId) {
        WorkshopSession s = sessions.findById(sessionId).orElseThrow();
        return view(workshops.findById(s.getWorkshopId()).orElseThrow(), s);
    }

    private SessionView view(Workshop workshop, WorkshopSession session) {
        return view(workshop, session, false);
    }

    private SessionView view(Workshop workshop, WorkshopSession session, boolean withRemoved) {
        List<Assignment> list = assignments.findBySessionIdOrderByPosition(session.getId());
        Map<Long, List<Question>> byAssignment = questions.findByAssignmentIdInOrderByAssignmentIdAscPositionAsc(
                        list.stream().map(Assignment::getId).toList()).stream()
                .filter(q -> withRemoved || !q.isRemoved())
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
        if (session(networks, sessionId).filter(v -> !v.session().isDraft()).isPresent()) {
            errors.reject("workshop.question.add.locked"); // the groups' sheets are made: no new field on them
            return Optional.empty();
        }
        Optional<AssignmentView> assignment = editable(networks, sessionId).flatMap(v -> v.assignments().stream()
                .filter(a -> a.assignment().getId().equals(assignmentId)).findFirst());
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        checkKind(form.kind(), form.options(), form.scaleMin(), form.scaleMax(), errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(questions.save(new Question(assignmentId, assignment.get().questions().size() + 1,
                form.label(), form.kind(), form.options(), form.scaleMin(), form.scaleMax())));
    }

    /**
     * Removes a question. While the session is being set up it is simply deleted; once it has opened the groups
     * have a field for it, so it is only marked removed: gone from the sheets, its answers kept (by the
     * question's id) for the summary and the export. Refused once the summary is done.
     */
    boolean removeQuestion(Collection<String> networks, Long sessionId, Long questionId) {
        Optional<SessionView> view = session(networks, sessionId)
                .filter(v -> v.session().getStatus() != WorkshopSession.Status.CONSOLIDATED);
        Optional<Question> question = view.flatMap(v -> v.questions().stream()
                .filter(q -> q.getId().equals(questionId)).findFirst());
        question.ifPresent(q -> {
            if (view.get().session().isDraft()) {
                questions.delete(q);
            } else {
                q.remove(time.now());
                questions.save(q);
            }
        });
        return question.isPresent();
    }

    /** How many groups wrote an answer to the question (asked before it is removed). */
    @Transactional(readOnly = true)
    long answersTo(Long questionId) {
        return sheets.answersTo(questionId);
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

    // ---- the steps of workshop-group-work (called through WorkshopSteps) ----

    /** The session's groups, in their order: one branch (one shared sheet) each. */
    @Transactional(readOnly = true)
    List<Long> groupIds(Long sessionId) {
        return groups.findBySessionIdOrderByPosition(sessionId).stream().map(WorkshopGroup::getId).toList();
    }

    /**
     * Deadline or early close: the join code stops working and the sheets not handed in are kept as drafts;
     * returns how many. Idempotent (the session may be closed already, by the secretariat or a failed try).
     */
    int collectSheets(Long sessionId) {
        WorkshopSession session = sessions.findById(sessionId).orElseThrow();
        session.close(time.now(), false);
        sessions.save(session);
        return sheets.collectDrafts(sessionId);
    }

    /**
     * The secretariat closes the session before the deadline: the process collects the sheets. A group's hand-in
     * relayed to the same process at that moment makes the engine refuse the close; it is tried again in a new
     * transaction, as the relay tries again, so the secretary never sees the collision.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    boolean closeEarly(Collection<String> networks, Long sessionId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Boolean.TRUE.equals(tx.execute(t -> closeEarlyOnce(networks, sessionId)));
            } catch (RuntimeException e) {
                if (!WorkshopProcess.collided(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private boolean closeEarlyOnce(Collection<String> networks, Long sessionId) {
        Optional<SessionView> found = session(networks, sessionId).filter(v -> v.session().isOpen());
        found.ifPresent(v -> {
            v.session().close(time.now(), true);
            sessions.saveAndFlush(v.session());
            process.closeEarly(v);
        });
        return found.isPresent();
    }

    // ---- corrections (issue 15): everything until a session opens; after that, wording and deadline only ----

    /** The label of a form field, resolved in the reader's language when the refusal is shown. */
    private static DefaultMessageSourceResolvable label(String key) {
        return new DefaultMessageSourceResolvable(new String[] {key}, key);
    }

    /** "»Titel« can no longer be changed: a session has opened", on the field itself. */
    private static void locked(Errors errors, String field, String labelKey) {
        errors.rejectValue(field, "workshop.edit.locked", new Object[] {label(labelKey)}, null);
    }

    /** Someone saved the record since this form was read: nothing is written, what was typed is shown again. */
    private static void stale(Integer seen, int current, Errors errors) {
        if (seen == null || seen != current) {
            errors.reject("workshop.edit.stale");
        }
    }

    /** Whether any session of the workshop has opened: then the groups have seen the workshop as it is. */
    @Transactional(readOnly = true)
    boolean hasOpenedSession(Workshop workshop) {
        return sessions.findByWorkshopIdOrderById(workshop.getId()).stream().anyMatch(s -> !s.isDraft());
    }

    /**
     * Corrects a workshop's title, days and place while none of its sessions has opened. After that each changed
     * field is refused by name; the caller shows the form again with what was typed.
     */
    Optional<Workshop> correct(Collection<String> networks, Long id, WorkshopEditForm form, Errors errors) {
        Optional<Workshop> found = workshop(networks, id);
        if (found.isEmpty()) {
            return found;
        }
        Workshop workshop = found.get();
        checkDates(form.startsOn(), form.endsOn(), errors);
        stale(form.version(), workshop.getVersion(), errors);
        boolean opened = hasOpenedSession(workshop);
        if (opened && form.title() != null && !form.title().isBlank()) {
            Map<String, String> labels = Map.of("title", "workshop.title", "startsOn", "workshop.startsOn",
                    "endsOn", "workshop.endsOn", "place", "workshop.place");
            workshop.changedFields(form.title(), form.startsOn(), form.endsOn(), form.place())
                    .forEach(f -> locked(errors, f, labels.get(f)));
        }
        if (errors.hasErrors()) {
            return found;
        }
        workshop.correct(form.title(), form.startsOn(), form.endsOn(), form.place(), opened);
        workshops.saveAndFlush(workshop);
        return found;
    }

    /** The edit form of a session as it stands: the deadline in the network's zone, to the minute; one group a line. */
    SessionEditForm editForm(SessionView view) {
        Instant deadline = view.session().getDeadline();
        return new SessionEditForm(view.session().getTitle(), deadline == null ? null
                : LocalDateTime.ofInstant(deadline, time.zone(view.networkId()))
                        .truncatedTo(ChronoUnit.MINUTES),
                view.groups().stream().map(WorkshopGroup::getName).collect(Collectors.joining("\n")),
                view.session().getVersion(), view.session().getPlace() == null ? "" : view.session().getPlace());
    }

    /**
     * Corrects a session. While it is being set up: title, deadline and groups (a group keeps its id when its
     * name stays). Once open: only the deadline moves, and the process's timer with it; a changed title or
     * changed groups are refused by name. Once closed, nothing changes.
     */
    Optional<SessionView> correctSession(Collection<String> networks, Long sessionId, SessionEditForm form,
                                         Errors errors, Locale locale) {
        Optional<SessionView> found = session(networks, sessionId);
        if (found.isEmpty()) {
            return found;
        }
        SessionView view = found.get();
        WorkshopSession session = view.session();
        stale(form.version(), session.getVersion(), errors);
        Instant now = time.now();
        boolean titleChanged = form.title() != null && !form.title().isBlank()
                && !form.title().trim().equals(session.getTitle());
        Instant deadline = form.deadline() == null ? null
                : form.deadline().atZone(time.zone(view.networkId())).toInstant();
        boolean deadlineChanged = deadline != null && (session.getDeadline() == null
                || !deadline.truncatedTo(ChronoUnit.MINUTES)
                        .equals(session.getDeadline().truncatedTo(ChronoUnit.MINUTES)));
        List<String> names = errors.hasFieldErrors("groups") ? List.of() : groupNames(form.groups(), errors, locale);
        List<String> current = view.groups().stream().map(WorkshopGroup::getName).toList();
        boolean groupsChanged = !names.isEmpty() && !names.equals(current);
        String place = form.place() == null || form.place().isBlank() ? null : form.place().trim();
        boolean placeChanged = form.place() != null && !Objects.equals(place, session.getPlace());
        if (!session.isDraft()) {
            if (titleChanged) {
                locked(errors, "title", "workshop.session.title");
            }
            if (placeChanged) {
                locked(errors, "place", "workshop.session.place");
            }
            if (groupsChanged) {
                locked(errors, "groups", "workshop.session.groups");
            }
        }
        if (deadlineChanged) {
            if (!session.deadlineMovable(now)) {
                errors.rejectValue("deadline", "workshop.session.deadline.closed");
            } else if (!deadline.isAfter(now)) {
                errors.rejectValue("deadline", "workshop.session.deadline.past");
            }
        }
        if (errors.hasErrors()) {
            return found;
        }
        if (titleChanged) {
            session.retitle(form.title());
        }
        if (placeChanged) {
            session.movePlace(place);
        }
        if (deadlineChanged) {
            session.moveDeadline(deadline, now);
        }
        if (groupsChanged) {
            replaceGroups(session, view.groups(), names);
        }
        sessions.saveAndFlush(session);
        if (deadlineChanged && session.isOpen()) {
            process.moveDeadline(view.networkId(), session.getId(), deadline);
        }
        return session(networks, sessionId);
    }

    /** The new list of groups of a session being set up: same name, same group (and id); the rest go or come. */
    private void replaceGroups(WorkshopSession session, List<WorkshopGroup> existing, List<String> names) {
        if (!session.isDraft()) {
            throw new IllegalStateException("Session " + session.getId() + " is open: its groups have sheets");
        }
        Map<String, WorkshopGroup> byName = existing.stream()
                .collect(Collectors.toMap(WorkshopGroup::getName, Function.identity()));
        List<WorkshopGroup> gone = existing.stream().filter(g -> !names.contains(g.getName())).toList();
        groups.deleteAll(gone);
        groups.flush();
        for (int i = 0; i < names.size(); i++) {
            WorkshopGroup group = byName.get(names.get(i));
            if (group == null) {
                groups.save(new WorkshopGroup(session.getId(), i + 1, names.get(i)));
            } else {
                group.moveTo(i + 1);
                groups.save(group);
            }
        }
    }

    /** A question of the session (not a removed one), for its edit page. */
    @Transactional(readOnly = true)
    Optional<Question> question(Collection<String> networks, Long sessionId, Long questionId) {
        return session(networks, sessionId).flatMap(v -> v.questions().stream()
                .filter(q -> q.getId().equals(questionId)).findFirst());
    }

    /**
     * Corrects a question. Its wording may always be corrected: the answers stay with it (by id). Its kind, choices
     * and scale only while the session is being set up (after that the groups' fields are made); a change is
     * refused by name. A field left out of the form counts as unchanged.
     */
    Optional<Question> correctQuestion(Collection<String> networks, Long sessionId, Long questionId,
                                       QuestionEditForm form, Errors errors) {
        Optional<SessionView> view = session(networks, sessionId);
        Optional<Question> found = view.flatMap(v -> v.questions().stream()
                .filter(q -> q.getId().equals(questionId)).findFirst());
        if (found.isEmpty()) {
            return found;
        }
        Question question = found.get();
        WorkshopSession session = view.get().session();
        Question.Kind kind = form.kind() == null ? question.getKind() : form.kind();
        String options = form.options() == null ? question.getOptions() : form.options();
        Integer scaleMin = form.scaleMin() == null ? question.getScaleMin() : form.scaleMin();
        Integer scaleMax = form.scaleMax() == null ? question.getScaleMax() : form.scaleMax();
        if (session.isDraft()) {
            if (form.kind() == null) {
                errors.rejectValue("kind", "workshop.question.kind.required");
            }
            checkKind(kind, options, scaleMin, scaleMax, errors);
        } else if (kind != question.getKind()) {
            locked(errors, "kind", "workshop.question.kind");
        } else if (question.differsInForm(kind, options, scaleMin, scaleMax)) {
            if (kind == Question.Kind.CHOICE) {
                locked(errors, "options", "workshop.question.options");
            } else {
                locked(errors, Objects.equals(scaleMin, question.getScaleMin()) ? "scaleMax" : "scaleMin",
                        Objects.equals(scaleMin, question.getScaleMin()) ? "workshop.question.scaleMax"
                                : "workshop.question.scaleMin");
            }
        }
        if (errors.hasErrors()) {
            return found;
        }
        question.reword(form.label());
        question.redefine(session, kind, options, scaleMin, scaleMax);
        questions.save(question);
        return found;
    }

    private static void checkKind(Question.Kind kind, String options, Integer scaleMin, Integer scaleMax, Errors errors) {
        if (kind == Question.Kind.CHOICE && Question.split(options).size() < 2) {
            errors.rejectValue("options", "workshop.question.options.required");
        }
        if (kind == Question.Kind.SCALE && (scaleMin == null || scaleMax == null || scaleMax <= scaleMin)) {
            errors.rejectValue("scaleMax", "workshop.question.scale.order");
        }
    }

    /**
     * Moves a question one place up or down within its assignment, while the session is being set up; after
     * that the order is refused by name (the groups' sheets follow it).
     */
    Optional<Boolean> moveQuestion(Collection<String> networks, Long sessionId, Long questionId, boolean up,
                                   Errors errors) {
        Optional<SessionView> view = session(networks, sessionId);
        Optional<AssignmentView> assignment = view.flatMap(v -> v.assignments().stream()
                .filter(a -> a.questions().stream().anyMatch(q -> q.getId().equals(questionId))).findFirst());
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        WorkshopSession session = view.get().session();
        if (!session.isDraft()) {
            errors.reject("workshop.question.order.locked");
            return Optional.of(false);
        }
        List<Question> list = new ArrayList<>(assignment.get().questions());
        int from = list.indexOf(list.stream().filter(q -> q.getId().equals(questionId)).findFirst().orElseThrow());
        int to = up ? from - 1 : from + 1;
        if (to < 0 || to >= list.size()) {
            return Optional.of(false);
        }
        list.add(to, list.remove(from));
        for (int i = 0; i < list.size(); i++) {
            list.get(i).moveTo(session, i + 1);
            questions.save(list.get(i));
        }
        return Optional.of(true);
    }

    /** An assignment of the session, for its edit page. */
    @Transactional(readOnly = true)
    Optional<Assignment> assignment(Collection<String> networks, Long sessionId, Long assignmentId) {
        return session(networks, sessionId).flatMap(v -> v.assignments().stream()
                .map(AssignmentView::assignment).filter(a -> a.getId().equals(assignmentId)).findFirst());
    }

    /** Corrects an assignment's title and introduction: wording, so allowed before and after the session opens. */
    Optional<Assignment> correctAssignment(Collection<String> networks, Long sessionId, Long assignmentId,
                                           AssignmentForm form, Errors errors) {
        Optional<Assignment> found = assignment(networks, sessionId, assignmentId);
        if (found.isPresent() && !errors.hasErrors()) {
            found.get().reword(form.title(), form.intro());
            assignments.save(found.get());
        }
        return found;
    }
}
