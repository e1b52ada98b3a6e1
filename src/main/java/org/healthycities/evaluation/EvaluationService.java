package org.healthycities.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.ReadUpload;
import org.healthycities.documents.StoredDocument;
import org.healthycities.documents.UploadResult;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.network.Tag;
import org.healthycities.network.ThemeGroup;
import org.healthycities.tasks.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One member's evaluation: the coordinator's form, the secretariat's review, deadlines and mails. */
@Service
@Transactional
class EvaluationService {

    static final String PROCESS = "member-evaluation";
    /** The record type of the evaluation's rows in the task list's audit log. */
    static final String RECORD_TYPE = "evaluation";
    static final String MESSAGE_SUBMITTED = "EvaluationSubmitted";
    static final String TASK_REVIEW = "Task_Review";
    static final String TASK_FOLLOW_UP = "Task_FollowUp";
    static final String TIMER_BEFORE_DEADLINE = "Timer_BeforeDeadline";
    static final String TIMER_DEADLINE = "Timer_Deadline";

    private final EvaluationRepository evaluations;
    private final RoundRepository rounds;
    private final RoundService roundService;
    private final EvaluationLinks links;
    private final EvaluationEvents events;
    private final EvaluationMails mails;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final AuditLog audit;
    private final NetworkClock time;

    EvaluationService(EvaluationRepository evaluations, RoundRepository rounds, RoundService roundService,
                      EvaluationLinks links, EvaluationEvents events, EvaluationMails mails,
                      NetworkDirectory networks, DocumentService documents, RuntimeService runtime,
                      TaskService tasks, ManagementService management, AuditLog audit,
                      NetworkClock time) {
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.roundService = roundService;
        this.links = links;
        this.events = events;
        this.mails = mails;
        this.networks = networks;
        this.documents = documents;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.audit = audit;
        this.time = time;
    }

    MemberEvaluation evaluation(long id) {
        return evaluations.findById(id).orElseThrow();
    }

    EvaluationRound round(long id) {
        return rounds.findById(id).orElseThrow();
    }

    Optional<MemberEvaluation> find(Collection<String> visibleNetworks, long id) {
        return evaluations.findById(id).filter(e -> visibleNetworks.contains(e.getNetworkId())).map(this::loaded);
    }

    /** The evaluation a private link opens (the same empty answer for unknown and expired links). */
    Optional<MemberEvaluation> open(String token) {
        return links.evaluationOf(token, time.now()).flatMap(evaluations::findById).map(this::loaded);
    }

    private MemberEvaluation loaded(MemberEvaluation e) {
        e.getGoals().size();
        e.getActivities().forEach(a -> a.getSdgs().size());
        e.getTags().size();
        e.getThemeGroups().size();
        return e;
    }

    List<EvaluationEvents.Event> events(long evaluationId) {
        return events.of(evaluationId);
    }

    // ---- process steps -------------------------------------------------------------------------------

    void invite(long evaluationId) {
        MemberEvaluation e = evaluation(evaluationId);
        mails.send(e, round(e.getRoundId()), EvaluationMails.Kind.INVITATION, "invitation");
        if (e.getInvitedAt() == null) {
            e.invited(time.now());
        }
    }

    void remind(long evaluationId, String which) {
        MemberEvaluation e = evaluation(evaluationId);
        if (e.getStatus().editable()) {
            mails.send(e, round(e.getRoundId()), EvaluationMails.Kind.REMINDER,
                    "reminder-" + which + "-" + events.count(evaluationId, EvaluationEvents.SUBMITTED));
        }
    }

    void mailSentBack(long evaluationId) {
        MemberEvaluation e = evaluation(evaluationId);
        mails.send(e, round(e.getRoundId()), EvaluationMails.Kind.SENT_BACK,
                "sent-back-" + events.count(evaluationId, EvaluationEvents.SUBMITTED));
    }

    void noAnswer(long evaluationId) {
        MemberEvaluation e = evaluation(evaluationId);
        if (e.getStatus().editable()) {
            e.status(EvaluationStatus.MISSING);
            events.record(evaluationId, EvaluationEvents.NO_ANSWER, null, "system", null);
        }
    }

    /** A fresh private link to the evaluation, e.g. for the secretariat to hand over by phone. */
    String newLink(long evaluationId) {
        MemberEvaluation e = evaluation(evaluationId);
        EvaluationRound round = round(e.getRoundId());
        LocalDate until = e.getDeadline().isAfter(round.getClosesOn()) ? e.getDeadline() : round.getClosesOn();
        return links.issue(evaluationId, time.startOf(e.getNetworkId(), until.plusDays(EvaluationMails.LINK_DAYS_AFTER_CLOSE)));
    }

    // ---- the coordinator's form -----------------------------------------------------------------------

    /** What the form is built from: the round's strategic goals (from the database), tags, theme groups. */
    record FormContext(EvaluationRound round, Strategy strategy, List<StrategicGoal> goals, List<Tag> sdgs,
                       List<Tag> sixPs, List<ThemeGroup> themeGroups, List<Activity> lastYear) {
        List<Long> goalIds() {
            return goals.stream().map(StrategicGoal::getId).toList();
        }

        public String goalTitle(String goalId) {
            return goals.stream().filter(g -> g.getId().toString().equals(goalId)).map(StrategicGoal::getTitle)
                    .findFirst().orElse("");
        }
    }

    FormContext context(MemberEvaluation e) {
        EvaluationRound round = round(e.getRoundId());
        Strategy strategy = networks.strategies(e.getNetworkId()).stream()
                .filter(s -> s.getId().equals(round.getStrategyId())).findFirst()
                .orElseGet(() -> roundService.strategyFor(e.getNetworkId(), round.getYear()).orElseThrow());
        List<Activity> lastYear = rounds.findByNetworkIdAndYear(e.getNetworkId(), round.getYear() - 1)
                .flatMap(r -> evaluations.findByRoundIdAndMemberId(r.getId(), e.getMemberId()))
                .map(prev -> { prev.getActivities().forEach(a -> a.getSdgs().size()); return prev.getActivities(); })
                .orElse(List.of());
        return new FormContext(round, strategy, strategy.getGoals(), networks.sdgs(), networks.sixPs(),
                networks.themeGroups(e.getNetworkId()), lastYear);
    }

    /** The form's answer to a save: what happened, the problems if refused, and the input to show again. */
    record SaveResult(Outcome outcome, List<EvaluationInput.Problem> problems, EvaluationInput input) {
    }

    enum Outcome { SAVED, SUBMITTED, LATE, INVALID, STALE, CLOSED }

    /**
     * Saves the coordinator's answers as a draft or submits them. Nothing is written when anything is wrong
     * (including a refused upload or a version someone else saved since). A submission after the round closed,
     * or after the member's process stopped waiting, is kept as a late draft for the secretariat.
     */
    SaveResult save(long evaluationId, EvaluationInput input, boolean submit, ReadUpload upload) {
        MemberEvaluation e = loaded(evaluation(evaluationId));
        FormContext ctx = context(e);
        if (!e.getStatus().editable() && e.getStatus() != EvaluationStatus.MISSING
                && e.getStatus() != EvaluationStatus.LATE) {
            return new SaveResult(Outcome.CLOSED, List.of(), input);
        }
        List<EvaluationInput.Problem> problems = new ArrayList<>(input.check(submit, ctx.goalIds(),
                codes(ctx.sdgs()), codes(ctx.sixPs()),
                ctx.themeGroups().stream().map(g -> g.getId().toString()).collect(Collectors.toSet())));
        if (input.version != e.getVersion()) {
            keepUpload(e, upload);
            return new SaveResult(Outcome.STALE, List.of(new EvaluationInput.Problem(null, "evaluation.error.stale")), input);
        }
        if (!problems.isEmpty()) {
            keepUpload(e, upload);
            return new SaveResult(Outcome.INVALID, problems, input);
        }
        if (upload != null) {
            UploadResult stored = documents.store(e.getNetworkId(), DOCUMENT_OWNER, e.getId().toString(), upload);
            if (stored instanceof UploadResult.Refused refused) {
                problems.add(new EvaluationInput.Problem("document", refused.messageKey(), refused.args().toArray()));
                return new SaveResult(Outcome.INVALID, problems, input);
            }
            e.document(((UploadResult.Stored) stored).document().id());
            dropKeptUpload(e.getId());
        } else {
            // the file kept from a refused save is the action plan now
            Optional<StoredDocument> kept = keptUpload(e.getId());
            if (kept.isPresent()) {
                documents.transfer(kept.get().id(), DOCUMENT_OWNER, e.getId().toString());
                e.document(kept.get().id());
            }
        }
        apply(e, ctx, input);
        boolean closed = ctx.round().isClosed();
        Optional<ProcessInstance> waiting = closed ? Optional.empty() : waitingForAnswer(e);
        if (!submit) {
            boolean late = closed || e.getStatus() == EvaluationStatus.MISSING || e.getStatus() == EvaluationStatus.LATE;
            if (late) {
                e.submitted(time.now(), true);
            } else if (e.getStatus() != EvaluationStatus.SENT_BACK) {
                e.status(EvaluationStatus.DRAFT);
            }
            events.record(evaluationId, EvaluationEvents.SAVED, null, "coordinator", null);
            return new SaveResult(late ? Outcome.LATE : Outcome.SAVED, List.of(), input);
        }
        if (waiting.isEmpty()) {
            e.submitted(time.now(), true);
            events.record(evaluationId, EvaluationEvents.LATE, null, "coordinator", null);
            return new SaveResult(Outcome.LATE, List.of(), input);
        }
        e.submitted(time.now(), false);
        events.record(evaluationId, EvaluationEvents.SUBMITTED, null, "coordinator", null);
        runtime.createMessageCorrelation(MESSAGE_SUBMITTED).processInstanceId(waiting.get().getId()).correlate();
        return new SaveResult(Outcome.SUBMITTED, List.of(), input);
    }

    static final String DOCUMENT_OWNER = "evaluation";
    /** An action plan chosen on a save that was refused, kept so the coordinator need not choose it again. */
    static final String PENDING_OWNER = DocumentService.PENDING + DOCUMENT_OWNER;

    /** A readable upload of a refused save, kept for the next save (replacing one kept before). */
    private void keepUpload(MemberEvaluation e, ReadUpload upload) {
        if (upload != null && upload.refused().isEmpty()) {
            dropKeptUpload(e.getId());
            documents.store(e.getNetworkId(), PENDING_OWNER, e.getId().toString(), upload);
        }
    }

    /** The action plan kept from a refused save, if any. */
    @Transactional(readOnly = true)
    Optional<StoredDocument> keptUpload(long evaluationId) {
        List<StoredDocument> kept = documents.findByOwner(PENDING_OWNER, String.valueOf(evaluationId));
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1));
    }

    /** Forgets the kept file ("remove", or a new file saved). */
    void dropKeptUpload(long evaluationId) {
        documents.findByOwner(PENDING_OWNER, String.valueOf(evaluationId)).forEach(d -> documents.delete(d.id()));
    }

    /** The stored action plan (name and size), if any. */
    @Transactional(readOnly = true)
    Optional<StoredDocument> document(Long documentId) {
        return documentId == null ? Optional.empty() : documents.find(documentId);
    }

    private void apply(MemberEvaluation e, FormContext ctx, EvaluationInput in) {
        e.ensureGoals(ctx.goals().stream().map(g -> new GoalAnswer(g.getId(), g.getPosition(), g.getTitle())).toList());
        for (StrategicGoal g : ctx.goals()) {
            String p = in.progress(g.getId());
            e.goal(g.getId()).orElseThrow().answer(p.isBlank() ? null : Progress.valueOf(p),
                    EvaluationInput.blankToNull(in.whatDone(g.getId())));
        }
        List<Activity> activities = new ArrayList<>();
        int position = 0;
        for (EvaluationInput.ActivityInput a : in.activities) {
            activities.add(new Activity(position++, a.title(), a.goalId().isBlank() ? null : Long.valueOf(a.goalId()),
                    ActivityStatus.valueOf(a.status()), EvaluationInput.blankToNull(a.partners()),
                    a.carriedFrom().matches("\\d{1,18}") ? Long.valueOf(a.carriedFrom()) : null,
                    new LinkedHashSet<>(a.sdgs())));
        }
        Set<MemberEvaluation.TagRef> tags = new LinkedHashSet<>();
        in.sdgs.forEach(c -> tags.add(new MemberEvaluation.TagRef(Tag.SDG, c)));
        in.sixPs.forEach(c -> tags.add(new MemberEvaluation.TagRef(Tag.SIX_P, c)));
        Set<MemberEvaluation.ThemeGroupRef> groups = new LinkedHashSet<>();
        ctx.themeGroups().stream().filter(g -> in.inThemeGroup(g.getId()))
                .forEach(g -> groups.add(new MemberEvaluation.ThemeGroupRef(g.getId(), g.getName())));
        e.replaceAnswers(EvaluationInput.blankToNull(in.inequality), EvaluationInput.blankToNull(in.wishes), tags,
                groups, activities);
    }

    private static Set<String> codes(List<Tag> tags) {
        return tags.stream().map(Tag::getCode).collect(Collectors.toSet());
    }

    private Optional<ProcessInstance> instance(MemberEvaluation e) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .processInstanceBusinessKey(e.getId().toString()).tenantIdIn(e.getNetworkId()).singleResult());
    }

    /** The member's process instance, if it is waiting for the coordinator's answer. */
    private Optional<ProcessInstance> waitingForAnswer(MemberEvaluation e) {
        return instance(e).filter(pi -> runtime.createExecutionQuery().processInstanceId(pi.getId())
                .messageEventSubscriptionName(MESSAGE_SUBMITTED).count() > 0);
    }

    // ---- the secretariat ------------------------------------------------------------------------------

    Optional<Task> task(MemberEvaluation e, String taskKey) {
        return instance(e).map(pi -> tasks.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskKey).singleResult());
    }

    /**
     * Accepts or sends back a submitted evaluation. Through the review task while the member's process waits
     * for it; after the round closed (no process any more) directly, which is also how a late draft is accepted.
     */
    boolean review(long evaluationId, boolean accept, String comment, String by) {
        MemberEvaluation e = evaluation(evaluationId);
        Optional<Task> task = task(e, TASK_REVIEW);
        if (task.isPresent()) {
            recordReview(e, accept, comment, by);
            tasks.complete(task.get().getId(), Map.of("decision", accept ? "accept" : "sendBack"));
            return true;
        }
        boolean late = e.getStatus() == EvaluationStatus.LATE || e.getStatus() == EvaluationStatus.SUBMITTED;
        if (accept && late) {
            recordReview(e, true, comment, by);
            roundService.recount(e.getRoundId());
            return true;
        }
        return false;
    }

    /** The review's decision on the record (the caller completes the review task, if there is one). */
    void recordReview(MemberEvaluation e, boolean accept, String comment, String by) {
        e.reviewed(by, time.now(), accept, EvaluationInput.blankToNull(comment));
        events.record(e.getId(), accept ? EvaluationEvents.ACCEPTED : EvaluationEvents.SENT_BACK, null, by, comment);
        if (accept) {
            // the coordinator hears of it, with the secretariat's comment (a send-back mails from the process)
            mails.send(e, round(e.getRoundId()), EvaluationMails.Kind.ACCEPTED,
                    "accepted-" + events.count(e.getId(), EvaluationEvents.SUBMITTED));
        }
        audit.record(by, e.getNetworkId(), RECORD_TYPE, e.getId().toString(),
                accept ? "evaluation.event.ACCEPTED" : "evaluation.event.SENT_BACK", comment);
    }

    /**
     * Gives one member more time. While the member's process still waits for the deadline its timers are
     * moved; when the follow-up task is open it is completed as "extended", which waits for the new date.
     */
    Optional<String> extend(long evaluationId, LocalDate newDeadline, String by) {
        MemberEvaluation e = evaluation(evaluationId);
        Optional<String> problem = extensionProblem(e, newDeadline);
        if (problem.isPresent()) {
            return problem;
        }
        applyExtension(e, newDeadline, by);
        Optional<Task> followUp = task(e, TASK_FOLLOW_UP);
        if (followUp.isPresent()) {
            tasks.complete(followUp.get().getId(), Map.of("extended", true));
        } else {
            ReminderSchedule schedule = new ReminderSchedule(time.today(e.getNetworkId()), newDeadline);
            instance(e).ifPresent(pi -> {
                schedule.beforeDeadline().ifPresent(day -> move(pi.getId(), TIMER_BEFORE_DEADLINE,
                        time.at(e.getNetworkId(), day, ReminderSchedule.REMINDER_TIME)));
                move(pi.getId(), TIMER_DEADLINE, time.startOf(e.getNetworkId(), schedule.followUp()));
            });
        }
        return Optional.empty();
    }

    /** Why a member's deadline cannot move to this date (a message key), if it cannot. */
    Optional<String> extensionProblem(MemberEvaluation e, LocalDate newDeadline) {
        EvaluationRound round = round(e.getRoundId());
        if (newDeadline == null) {
            return Optional.of("evaluation.extend.date");
        }
        if (!newDeadline.isAfter(time.today(e.getNetworkId())) || !newDeadline.isAfter(e.getDeadline())) {
            return Optional.of("evaluation.extend.future");
        }
        if (newDeadline.isAfter(round.getClosesOn()) || round.isClosed()) {
            return Optional.of("evaluation.extend.afterClose");
        }
        if (!e.getStatus().editable()) {
            return Optional.of("evaluation.extend.notOpen");
        }
        return Optional.empty();
    }

    /** The new deadline on the record (the caller moves the timers or completes the follow-up task). */
    void applyExtension(MemberEvaluation e, LocalDate newDeadline, String by) {
        e.extend(newDeadline);
        events.record(e.getId(), EvaluationEvents.EXTENDED, null, by, newDeadline.toString());
        audit.record(by, e.getNetworkId(), RECORD_TYPE, e.getId().toString(), "evaluation.event.EXTENDED",
                newDeadline.toString());
    }

    private void move(String processInstanceId, String activityId, Instant due) {
        for (Job job : management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).list()) {
            management.setJobDuedate(job.getId(), Date.from(due));
        }
    }

    /** The secretariat has followed up and expects no answer: the member's process ends as missing. */
    boolean giveUp(long evaluationId, String by) {
        MemberEvaluation e = evaluation(evaluationId);
        Optional<Task> followUp = task(e, TASK_FOLLOW_UP);
        followUp.ifPresent(t -> recordGiveUp(e, by));
        followUp.ifPresent(t -> tasks.complete(t.getId(), Map.of("extended", false)));
        return followUp.isPresent();
    }

    void recordGiveUp(MemberEvaluation e, String by) {
        audit.record(by, e.getNetworkId(), RECORD_TYPE, e.getId().toString(), "evaluation.event.NO_ANSWER", null);
    }

    List<MemberEvaluation> ofRound(long roundId) {
        return evaluations.findByRoundIdOrderByMemberName(roundId);
    }

    /** "Aarhus Kommune · 2026" by evaluation id, for the task list's cards. */
    @Transactional(readOnly = true)
    java.util.Map<String, String> subjects(java.util.Collection<String> ids) {
        List<MemberEvaluation> found = evaluations.findAllById(org.healthycities.tasks.TaskRecordPanel.ids(ids));
        java.util.Map<Long, Integer> years = rounds.findAllById(found.stream().map(MemberEvaluation::getRoundId)
                .distinct().toList()).stream().collect(java.util.stream.Collectors.toMap(EvaluationRound::getId,
                EvaluationRound::getYear));
        return found.stream().collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getId()),
                e -> years.containsKey(e.getRoundId()) ? e.getMemberName() + " · " + years.get(e.getRoundId())
                        : e.getMemberName()));
    }

    /** The newest evaluations (at most 500) of members whose name contains the text, for the task search. */
    @Transactional(readOnly = true)
    List<Long> idsAbout(java.util.Collection<String> networks, String text) {
        return networks.isEmpty() ? List.of()
                : evaluations.idsAbout(networks, text, org.springframework.data.domain.PageRequest.of(0, 500));
    }

    List<MemberEvaluation> ofMember(long memberId) {
        return evaluations.findByMemberIdOrderByRoundIdAsc(memberId).stream().map(this::loaded).toList();
    }
}
