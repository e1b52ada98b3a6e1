package org.healthycities.evaluation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.healthycities.documents.DocumentService;
import org.healthycities.documents.StoredDocument;
import org.healthycities.evaluation.EvaluationAnswers;
import org.healthycities.evaluation.EvaluationSubmitted;
import org.healthycities.forms.DocumentRef;
import org.healthycities.forms.FormFeed;
import org.healthycities.forms.FormInput;
import org.healthycities.forms.SaveResult;
import org.healthycities.forms.Subject;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.forms.Submitter;
import org.healthycities.network.NetworkClock;
import org.healthycities.network.NetworkDirectory;
import org.healthycities.network.StrategicGoal;
import org.healthycities.network.Strategy;
import org.healthycities.network.Tag;
import org.healthycities.network.ThemeGroup;
import org.healthycities.tasks.AuditLog;
import org.healthycities.tasks.TaskRecordPanel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One member's evaluation: the coordinator's form, the secretariat's review, deadlines and mails. The member's
 * process is told and asked through {@link EvaluationGateway}.
 */
@Service
@Transactional
public class EvaluationService {

    /** The record type of the evaluation's rows in the task list's audit log. */
    static final String RECORD_TYPE = "evaluation";

    private final EvaluationRepository evaluations;
    private final RoundRepository rounds;
    private final RoundService roundService;
    private final EvaluationLinks links;
    private final EvaluationEvents events;
    private final EvaluationMails mails;
    private final NetworkDirectory networks;
    private final DocumentService documents;
    private final EvaluationGateway process;
    private final AuditLog audit;
    private final NetworkClock time;
    private final Submissions submissions;
    private final TransactionTemplate tx;
    private final MessageSource messages;
    private final ApplicationEventPublisher publisher;

    EvaluationService(EvaluationRepository evaluations, RoundRepository rounds, RoundService roundService,
                      EvaluationLinks links, EvaluationEvents events, EvaluationMails mails,
                      NetworkDirectory networks, DocumentService documents, EvaluationGateway process, AuditLog audit,
                      NetworkClock time, Submissions submissions, PlatformTransactionManager txm,
                      MessageSource messages, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.submissions = submissions;
        this.messages = messages;
        this.tx = new TransactionTemplate(txm);
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.roundService = roundService;
        this.links = links;
        this.events = events;
        this.mails = mails;
        this.networks = networks;
        this.documents = documents;
        this.process = process;
        this.audit = audit;
        this.time = time;
    }

    public MemberEvaluation evaluation(long id) {
        return evaluations.findById(id).orElseThrow();
    }

    EvaluationRound round(long id) {
        return rounds.findById(id).orElseThrow();
    }

    Optional<MemberEvaluation> find(Collection<String> visibleNetworks, long id) {
        return evaluations.findById(id).filter(e -> visibleNetworks.contains(e.getNetworkId()));
    }

    /** The evaluation a private link opens (the same empty answer for unknown and expired links). */
    Optional<MemberEvaluation> open(String token) {
        return links.evaluationOf(token, time.now()).flatMap(evaluations::findById);
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

    /** The form file the evaluation is answered on; its submission's subject is the evaluation. */
    static final String FORM = "annual-evaluation";
    /** The longest review comment a reviewer may write. */
    static final int MAX_COMMENT = 5000;
    static final String SUBJECT_TYPE = "evaluation";

    /** What the form is built from: the round's strategic goals (from the database), tags, theme groups. */
    record FormContext(EvaluationRound round, Strategy strategy, List<StrategicGoal> goals, List<Tag> sdgs,
                       List<Tag> sixPs, List<ThemeGroup> themeGroups) {
        List<Long> goalIds() {
            return goals.stream().map(StrategicGoal::getId).toList();
        }

        public String goalTitle(String goalId) {
            return goals.stream().filter(g -> g.getId().toString().equals(goalId)).map(StrategicGoal::getTitle)
                    .findFirst().orElse("");
        }

        /**
         * The form's data, as Tasklist would get it from process variables: the goals as the items of the goals
         * list, and the option lists its valuesKeys name, in the reader's language.
         */
        FormFeed feed(Locale locale) {
            List<Map<String, Object>> goalItems = new ArrayList<>();
            List<Map<String, Object>> goalOptions = new ArrayList<>();
            for (StrategicGoal g : goals) {
                goalItems.add(Map.of(EvaluationAnswers.GOAL, g.getId().toString()));
                goalOptions.add(Map.of("label", g.getTitle(), "value", g.getId().toString()));
            }
            return new FormFeed(Map.of(EvaluationAnswers.GOALS, goalItems, "goalOptions", goalOptions,
                    "sdgOptions", sdgs.stream().map(t -> Map.of("label", t.getPosition() + ". " + t.name(locale), "value", t.getCode())).toList(),
                    "sixPOptions", sixPs.stream().map(t -> Map.of("label", t.name(locale), "value", t.getCode())).toList(),
                    "themeGroupOptions", themeGroups.stream().map(t -> Map.of("label", t.getName(), "value", t.getId().toString())).toList()));
        }
    }

    FormContext context(MemberEvaluation e) {
        EvaluationRound round = round(e.getRoundId());
        Strategy strategy = networks.strategies(e.getNetworkId()).stream()
                .filter(s -> s.getId().equals(round.getStrategyId())).findFirst()
                .orElseGet(() -> roundService.strategyFor(e.getNetworkId(), round.getYear()).orElseThrow());
        return new FormContext(round, strategy, strategy.getGoals(), networks.sdgs(), networks.sixPs(),
                networks.themeGroups(e.getNetworkId()));
    }

    /** The activities the member reported last year, offered on its form to carry over (none in its first year). */
    @Transactional(readOnly = true)
    List<EvaluationAnswers.Activity> lastYear(MemberEvaluation e, FormContext ctx) {
        return rounds.findByNetworkIdAndYear(e.getNetworkId(), ctx.round().getYear() - 1)
                .flatMap(r -> evaluations.findByRoundIdAndMemberId(r.getId(), e.getMemberId()))
                .map(prev -> EvaluationAnswers.of(storedAnswers(prev), ctx.goals(), ctx.themeGroups()).activities())
                .orElse(List.of());
    }

    /**
     * The member's submission of the form (made on first use). While the coordinator may still change the
     * answers (a draft, sent back, late) it is open: a submission handed in earlier is reopened.
     */
    Submission submission(MemberEvaluation e) {
        Subject subject = new Subject(SUBJECT_TYPE, e.getId().toString());
        Submission s = submissions.findFor(subject).stream().reduce((a, b) -> b)
                .orElseGet(() -> submissions.create(FORM, subject, e.getNetworkId(), Submitter.NOBODY));
        boolean open = e.getStatus().editable() || e.getStatus() == EvaluationStatus.MISSING
                || e.getStatus() == EvaluationStatus.LATE;
        return open && s.isLocked() ? submissions.reopen(s.id()) : s;
    }

    private Map<String, Object> storedAnswers(MemberEvaluation e) {
        return submissions.findFor(new Subject(SUBJECT_TYPE, e.getId().toString())).stream().reduce((a, b) -> b)
                .map(s -> submissions.answers(s.id())).orElse(Map.of());
    }

    /** What the member answered (nothing yet: empty), read with the round's goals. */
    @Transactional(readOnly = true)
    EvaluationAnswers answers(MemberEvaluation e) {
        return answers(e, context(e));
    }

    /** What the member answered, read with a context already at hand (the round's, for all its members). */
    @Transactional(readOnly = true)
    EvaluationAnswers answers(MemberEvaluation e, FormContext ctx) {
        return EvaluationAnswers.of(storedAnswers(e), ctx.goals(), ctx.themeGroups());
    }

    /**
     * Saves the coordinator's answers as a draft or submits them, in the forms engine, with the form's data (as the
     * page showed it, {@link FormContext#feed}): all
     * or nothing (a refused upload, a version someone else saved since). Outside a transaction, as the upload is
     * read first. A submission after the round closed, or after the member's process stopped waiting, is kept as
     * a late answer for the secretariat ({@link SaveResult.Late}); an evaluation that takes no more answers is
     * {@link SaveResult.Closed} (with no submission when the evaluation itself is closed).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    SaveResult<Submission> save(long evaluationId, int version, FormInput input, boolean submit, FormFeed feed) {
        MemberEvaluation e = tx.execute(t -> evaluation(evaluationId));
        if (!e.getStatus().editable() && e.getStatus() != EvaluationStatus.MISSING
                && e.getStatus() != EvaluationStatus.LATE) {
            return new SaveResult.Closed<>(null);
        }
        Submission s = tx.execute(t -> submission(e));
        SaveResult<Submission> result = submissions.save(s.id(), version, input, submit, feed);
        if (!result.stored()) {
            return result; // refused, a conflict, or handed in already
        }
        return tx.execute(t -> saved(evaluation(evaluationId), result.current(), submit));
    }

    /** The evaluation's state after its answers were stored: saved, submitted, or kept as a late answer. */
    private SaveResult<Submission> saved(MemberEvaluation e, Submission s, boolean submit) {
        e.document(submissions.documents(s).values().stream().map(DocumentRef::documentId).findFirst().orElse(null));
        boolean closed = round(e.getRoundId()).isClosed();
        boolean waiting = !closed && process.awaitsAnswer(e);
        long evaluationId = e.getId();
        if (!submit) {
            boolean late = closed || e.getStatus() == EvaluationStatus.MISSING || e.getStatus() == EvaluationStatus.LATE;
            if (late) {
                e.submitted(time.now(), true);
                announce(e);
            } else if (e.getStatus() != EvaluationStatus.SENT_BACK) {
                e.status(EvaluationStatus.DRAFT);
            }
            events.record(evaluationId, EvaluationEvents.SAVED, null, "coordinator", null);
            return late ? new SaveResult.Late<>(s) : new SaveResult.Saved<>(s);
        }
        announce(e);
        if (!waiting) {
            e.submitted(time.now(), true);
            events.record(evaluationId, EvaluationEvents.LATE, null, "coordinator", null);
            return new SaveResult.Late<>(s);
        }
        e.submitted(time.now(), false);
        events.record(evaluationId, EvaluationEvents.SUBMITTED, null, "coordinator", null);
        process.submitted(e);
        return new SaveResult.Submitted<>(s);
    }

    /** Tells the network what the member reported (the knowledge bank keeps its shared activities). */
    public void announce(MemberEvaluation e) {
        FormContext ctx = context(e);
        publisher.publishEvent(new EvaluationSubmitted(e.getNetworkId(), e.getId(), e.getMemberId(), e.getMemberName(),
                ctx.round().getYear(), answers(e, ctx), ctx.goals()));
    }

    /** The review task's variables for Tasklist: those to store as JSON, and the plain ones. */
    record TasklistData(Map<String, Object> json, Map<String, Object> plain) {
    }

    /**
     * The member's answers with the form's data, as Camunda Tasklist gives a form its data: one variable per
     * top-level key, lists and options as JSON (Tasklist parses JSON variables for form-js), in Danish; the
     * steps bean hands them to the engine typed by {@link EvaluationGateway#tasklistVariables}.
     */
    @Transactional(readOnly = true)
    TasklistData tasklistData(long evaluationId) {
        MemberEvaluation e = evaluation(evaluationId);
        FormContext ctx = context(e);
        Map<String, Object> answers = storedAnswers(e);
        Map<String, Object> data = new LinkedHashMap<>(ctx.feed(Locale.forLanguageTag("da")).data());
        EvaluationAnswers read = EvaluationAnswers.of(answers, ctx.goals(), ctx.themeGroups());
        List<Map<String, Object>> goals = new ArrayList<>();
        for (int i = 0; i < ctx.goals().size(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(EvaluationAnswers.GOAL, ctx.goals().get(i).getId().toString());
            EvaluationAnswers.Goal answered = i < read.goals().size() ? read.goals().get(i) : null;
            if (answered != null && answered.progress() != null) {
                item.put(EvaluationAnswers.PROGRESS, answered.progress().name());
            }
            if (answered != null && answered.whatDone() != null) {
                item.put(EvaluationAnswers.WHAT_DONE, answered.whatDone());
            }
            goals.add(item);
        }
        data.put(EvaluationAnswers.GOALS, goals);
        data.put(EvaluationAnswers.ACTIVITIES, read.activities().stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(EvaluationAnswers.TITLE, a.title());
            item.put(EvaluationAnswers.GOAL, a.goalId() == null ? null : a.goalId().toString());
            item.put(EvaluationAnswers.STATUS, a.status().name());
            item.put(EvaluationAnswers.PARTNERS, a.partners());
            item.put(EvaluationAnswers.ACTIVITY_SDGS, a.sdgs());
            item.put(EvaluationAnswers.DESCRIPTION, a.description());
            item.put(EvaluationAnswers.RESULTS, a.results());
            item.put(EvaluationAnswers.SHARED, a.shared());
            return item;
        }).toList());
        data.put(EvaluationAnswers.SDGS, read.sdgs());
        data.put(EvaluationAnswers.SIX_PS, read.sixPs());
        data.put(EvaluationAnswers.THEME_GROUPS, read.themeGroups().stream().map(g -> g.id().toString()).toList());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(EvaluationAnswers.INEQUALITY, read.inequalityText());
        variables.put(EvaluationAnswers.WISHES, read.wishesText());
        variables.put(EvaluationAnswers.DOCUMENT, read.document() == null ? null : read.document().filename());
        variables.put(EvaluationAnswers.PLAN_SHARED, read.planShared());
        return new TasklistData(data, variables);
    }

    /** What Tasklist submits with the evaluation's form besides the decision: the form's data and the comment. */
    static final List<String> TASKLIST_VARIABLES = List.of(EvaluationAnswers.GOALS, "goalOptions", "sdgOptions",
            "sixPOptions", "themeGroupOptions", EvaluationAnswers.ACTIVITIES, EvaluationAnswers.SDGS,
            EvaluationAnswers.SIX_PS, EvaluationAnswers.THEME_GROUPS, EvaluationAnswers.INEQUALITY,
            EvaluationAnswers.WISHES, EvaluationAnswers.DOCUMENT, EvaluationAnswers.PLAN_SHARED, "reviewComment");

    /**
     * The review decided in Camunda Tasklist, recorded as our pages record it; a decision our pages made is
     * recorded already (the evaluation is no longer waiting for review). A send-back without a comment is refused
     * with the reason (in Danish, returned; nothing recorded), which the steps bean hands to the engine so that
     * Tasklist shows it and the task stays open.
     */
    Optional<String> reviewedInTasklist(long evaluationId, String decision, String comment, String reviewer) {
        MemberEvaluation e = evaluation(evaluationId);
        if (e.getStatus() != EvaluationStatus.SUBMITTED) {
            return Optional.empty();
        }
        boolean accept = "accept".equals(decision);
        Locale danish = Locale.forLanguageTag("da");
        if (!accept && !"sendBack".equals(decision)) {
            return Optional.of(messages.getMessage("evaluation.task.decision", null, danish));
        }
        if (!accept && (comment == null || comment.isBlank())) {
            return Optional.of(messages.getMessage("evaluation.review.commentRequired", null, danish));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            return Optional.of(messages.getMessage("evaluation.review.commentTooLong", null, danish));
        }
        recordReview(e, accept, comment, reviewer == null || reviewer.isBlank() ? "tasklist" : reviewer);
        return Optional.empty();
    }

    /** The stored action plan (name and size), if any. */
    @Transactional(readOnly = true)
    Optional<StoredDocument> document(Long documentId) {
        return documentId == null ? Optional.empty() : documents.find(documentId);
    }

    // ---- the secretariat ------------------------------------------------------------------------------

    /** Whether the member's review task is open (the secretariat may accept or send back). */
    boolean reviewOpen(MemberEvaluation e) {
        return process.reviewOpen(e);
    }

    /** Whether the member's follow-up task is open (the deadline passed without an answer). */
    boolean followUpOpen(MemberEvaluation e) {
        return process.followUpOpen(e);
    }

    /**
     * Accepts or sends back a submitted evaluation. Through the review task while the member's process waits
     * for it; after the round closed (no process any more) directly, which is also how a late draft is accepted.
     */
    boolean review(long evaluationId, boolean accept, String comment, String by) {
        MemberEvaluation e = evaluation(evaluationId);
        if (process.reviewOpen(e)) {
            recordReview(e, accept, comment, by);
            process.completeReview(e, accept);
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
        e.reviewed(by, time.now(), accept, comment == null || comment.isBlank() ? null : comment.strip());
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
        if (!process.completeFollowUp(e, true)) {
            ReminderSchedule schedule = new ReminderSchedule(time.today(e.getNetworkId()), newDeadline);
            process.moveTimers(e,
                    schedule.beforeDeadline().map(day -> time.at(e.getNetworkId(), day, ReminderSchedule.REMINDER_TIME)),
                    time.startOf(e.getNetworkId(), schedule.followUp()));
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

    /** The secretariat has followed up and expects no answer: the member's process ends as missing. */
    boolean giveUp(long evaluationId, String by) {
        MemberEvaluation e = evaluation(evaluationId);
        if (!process.followUpOpen(e)) {
            return false;
        }
        recordGiveUp(e, by);
        return process.completeFollowUp(e, false);
    }

    void recordGiveUp(MemberEvaluation e, String by) {
        audit.record(by, e.getNetworkId(), RECORD_TYPE, e.getId().toString(), "evaluation.event.NO_ANSWER", null);
    }

    List<MemberEvaluation> ofRound(long roundId) {
        return evaluations.findByRoundIdOrderByMemberName(roundId);
    }

    /** "Aarhus Kommune · 2026" by evaluation id, for the task list's cards. */
    @Transactional(readOnly = true)
    Map<String, String> subjects(Collection<String> ids) {
        List<MemberEvaluation> found = evaluations.findAllById(TaskRecordPanel.ids(ids));
        Map<Long, Integer> years = rounds.findAllById(found.stream().map(MemberEvaluation::getRoundId)
                .distinct().toList()).stream().collect(Collectors.toMap(EvaluationRound::getId,
                EvaluationRound::getYear));
        return found.stream().collect(Collectors.toMap(e -> String.valueOf(e.getId()),
                e -> years.containsKey(e.getRoundId()) ? e.getMemberName() + " · " + years.get(e.getRoundId())
                        : e.getMemberName()));
    }

    /** The newest evaluations (at most 500) of members whose name contains the text, for the task search. */
    @Transactional(readOnly = true)
    List<Long> idsAbout(Collection<String> networks, String text) {
        return networks.isEmpty() ? List.of()
                : evaluations.idsAbout(networks, text, PageRequest.of(0, 500));
    }

    List<MemberEvaluation> ofMember(long memberId) {
        return evaluations.findByMemberIdOrderByRoundIdAsc(memberId);
    }
}
