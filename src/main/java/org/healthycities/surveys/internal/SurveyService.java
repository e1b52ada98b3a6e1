package org.healthycities.surveys.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.healthycities.forms.DesignedForm;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.FormDesigner;
import org.healthycities.forms.PublishedForm;
import org.healthycities.forms.Subject;
import org.healthycities.forms.Submission;
import org.healthycities.forms.Submissions;
import org.healthycities.forms.Submitter;
import org.healthycities.network.Member;
import org.healthycities.network.MemberFacts;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveys: sending a published form to members (or by an open link), the steps of their processes, the follow-up
 * (remind, extend, give up) and the members' answers through their private links.
 */
@Service
@Transactional
public class SurveyService {

    /** The subject type of every survey submission; its id is the survey's id. */
    public static final String SUBJECT = "survey";
    /** Reminders go out in the morning of their day, in the network's zone. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    static final int MAX_REMIND_DAYS = 60;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the secretariat asks for on the send page. */
    public record SendRequest(String networkId, Long designedFormId, String title, LocalDate deadline,
                              Integer remindDaysBefore, SurveyAudience audience, Recipients recipients) {
    }

    /** The survey as sent, or why not (per field, nothing stored). */
    public record Sent(Survey survey, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final SurveyRepository surveys;
    private final RecipientRepository recipients;
    private final FormDesigner designer;
    private final Submissions submissions;
    private final MemberService members;
    private final SurveyProcess process;
    private final SurveyMails mails;
    private final NetworkClock time;
    private final int batchSize;

    SurveyService(SurveyRepository surveys, RecipientRepository recipients, FormDesigner designer,
                  Submissions submissions, MemberService members, SurveyProcess process, SurveyMails mails,
                  NetworkClock time, @Value("${hc.surveys.batch-size:50}") int batchSize) {
        this.surveys = surveys;
        this.recipients = recipients;
        this.designer = designer;
        this.submissions = submissions;
        this.members = members;
        this.process = process;
        this.mails = mails;
        this.time = time;
        this.batchSize = batchSize;
    }

    @Transactional(readOnly = true)
    public List<Survey> surveys(Collection<String> networks) {
        return networks.isEmpty() ? List.of() : surveys.findByNetworkIdInOrderByCreatedAtDesc(networks);
    }

    @Transactional(readOnly = true)
    public Optional<Survey> survey(Collection<String> networks, long id) {
        return surveys.findById(id).filter(s -> networks.contains(s.getNetworkId()));
    }

    @Transactional(readOnly = true)
    public List<SurveyRecipient> recipients(Survey survey) {
        return recipients.findBySurveyIdOrderByMemberName(survey.getId());
    }

    /** The forms that can be sent: the network's designed forms with a published version. */
    @Transactional(readOnly = true)
    public List<DesignedForm> sendableForms(Collection<String> networks) {
        return designer.forms(networks).stream().filter(f -> f.latest().isPresent()).toList();
    }

    /** The members a choice of recipients takes today (the send page counts them before sending). */
    @Transactional(readOnly = true)
    public List<MemberFacts> chosen(String networkId, Recipients choice) {
        return choice.of(members.facts(networkId, time.today(networkId)));
    }

    /** The network's members with region and theme groups, as the send and results pages group them. */
    @Transactional(readOnly = true)
    public List<MemberFacts> members(String networkId) {
        return members.facts(networkId, time.today(networkId));
    }

    /**
     * Sends a survey: checks it (a published form of the network, a title, a deadline after today, recipients),
     * makes each member's submission and the survey's round process in one transaction; the invitations go out
     * from the job executor. Nothing is stored when anything is refused.
     */
    public Sent send(Collection<String> networks, SendRequest request, String by) {
        List<FieldError> errors = new ArrayList<>();
        String network = request.networkId();
        if (network == null || !networks.contains(network)) {
            errors.add(new FieldError("network", "survey.error.network"));
            return new Sent(null, errors);
        }
        Optional<DesignedForm> form = request.designedFormId() == null ? Optional.empty()
                : designer.form(List.of(network), request.designedFormId());
        Optional<PublishedForm> published = form.flatMap(DesignedForm::latest);
        if (published.isEmpty()) {
            errors.add(new FieldError("form", form.isPresent() ? "survey.error.unpublished" : "survey.error.form"));
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "survey.error.title", 200));
        }
        LocalDate today = time.today(network);
        if (request.deadline() == null) {
            errors.add(new FieldError("deadline", "survey.error.deadline"));
        } else if (!request.deadline().isAfter(today)) {
            errors.add(new FieldError("deadline", "survey.error.deadlinePast"));
        }
        int remind = request.remindDaysBefore() == null ? 0 : request.remindDaysBefore();
        if (remind < 0 || remind > MAX_REMIND_DAYS) {
            errors.add(new FieldError("remindDaysBefore", "survey.error.remindDays", MAX_REMIND_DAYS));
        }
        SurveyAudience audience = request.audience() == null ? SurveyAudience.MEMBERS : request.audience();
        List<MemberFacts> chosen = audience == SurveyAudience.MEMBERS && request.recipients() != null
                ? chosen(network, request.recipients()) : List.of();
        if (audience == SurveyAudience.MEMBERS && chosen.isEmpty()) {
            errors.add(new FieldError("recipients", "survey.error.noRecipients"));
        }
        if (!errors.isEmpty()) {
            return new Sent(null, errors);
        }
        PublishedForm version = published.orElseThrow();
        Survey survey = surveys.save(new Survey(network, title, form.get().getId(), version.formId(),
                version.versionHash(), version.number(), audience, today, request.deadline(), remind, time.now(), by));
        if (audience == SurveyAudience.OPEN) {
            survey.openLink(token());
        }
        Subject subject = subject(survey);
        for (MemberFacts m : chosen) {
            Submission s = submissions.create(survey.getFormId(), survey.getVersionHash(), subject, network,
                    Submitter.NOBODY);
            recipients.save(new SurveyRecipient(survey.getId(), m.id(), m.name(), s.id(), survey.getDeadline()));
        }
        survey.recipients(chosen.size());
        surveys.flush();
        process.start(survey);
        return new Sent(survey, List.of());
    }

    static Subject subject(Survey survey) {
        return new Subject(SUBJECT, survey.getId().toString());
    }

    private static String token() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    // ---- the follow-up page ------------------------------------------------------------------------------

    /** How many members stand where, every status present (zero included). */
    @Transactional(readOnly = true)
    public Map<RecipientStatus, Long> counts(Survey survey) {
        Map<RecipientStatus, Long> counts = new EnumMap<>(RecipientStatus.class);
        for (RecipientStatus s : RecipientStatus.values()) {
            counts.put(s, 0L);
        }
        recipients(survey).forEach(r -> counts.merge(r.getStatus(), 1L, Long::sum));
        return counts;
    }

    /** How many members have answered each of these surveys (zero included), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Long> answered(Collection<Survey> list) {
        Map<Long, Long> answered = new HashMap<>();
        list.forEach(s -> answered.put(s.getId(), 0L));
        if (!list.isEmpty()) {
            recipients.countByStatus(answered.keySet(), RecipientStatus.ANSWERED)
                    .forEach(row -> answered.put((Long) row[0], (Long) row[1]));
        }
        return answered;
    }

    @Transactional(readOnly = true)
    public long invited(Survey survey) {
        return recipients.countBySurveyIdAndInvitedAtIsNotNull(survey.getId());
    }

    /** The members of this survey whose deadline passed without an answer: the secretariat follows up. */
    @Transactional(readOnly = true)
    public Set<Long> followUps(Survey survey) {
        Set<Long> open = process.followingUp(survey.getNetworkId());
        return recipients(survey).stream().map(SurveyRecipient::getId).filter(open::contains)
                .collect(Collectors.toSet());
    }

    /**
     * Reminds now: one member, or every member still expected to answer (recipientId null) who has been invited.
     * Returns how many mails were queued.
     */
    public int remindNow(Survey survey, Long recipientId, String by) {
        if (survey.isClosed()) {
            return 0;
        }
        Instant now = time.now();
        int sent = 0;
        for (SurveyRecipient r : recipients(survey)) {
            if ((recipientId == null || r.getId().equals(recipientId)) && r.getStatus().isWaiting()
                    && r.getInvitedAt() != null && mail(survey, r, SurveyMails.Kind.REMINDER, "now-" + now.toEpochMilli())) {
                r.reminded(now);
                sent++;
            }
        }
        return sent;
    }

    /** More time for one member, up to the day the survey closes; a message key when refused. */
    public Optional<String> extend(Survey survey, long recipientId, LocalDate newDeadline) {
        SurveyRecipient r = recipient(survey, recipientId);
        LocalDate today = time.today(survey.getNetworkId());
        if (newDeadline == null) {
            return Optional.of("survey.extend.date");
        }
        if (!newDeadline.isAfter(today) || !newDeadline.isAfter(r.getDeadline())) {
            return Optional.of("survey.extend.future");
        }
        if (survey.isClosed() || newDeadline.isAfter(survey.getClosesOn())) {
            return Optional.of("survey.extend.afterClose");
        }
        if (!r.getStatus().isWaiting()) {
            return Optional.of("survey.extend.notWaiting");
        }
        r.extend(newDeadline);
        process.extended(r, survey.getNetworkId(), reminderDay(survey, today, newDeadline)
                        .map(day -> time.at(survey.getNetworkId(), day, REMINDER_TIME)),
                time.startOf(survey.getNetworkId(), newDeadline.plusDays(1)));
        return Optional.empty();
    }

    /** The secretariat expects no answer from this member (its follow-up task ends). */
    public boolean giveUp(Survey survey, long recipientId) {
        SurveyRecipient r = recipient(survey, recipientId);
        boolean ended = process.gaveUp(r, survey.getNetworkId());
        if (ended) {
            r.noAnswer();
        }
        return ended;
    }

    private SurveyRecipient recipient(Survey survey, long recipientId) {
        return recipients.findById(recipientId).filter(r -> r.getSurveyId().equals(survey.getId()))
                .orElseThrow(() -> new NoSuchElementException("No recipient " + recipientId));
    }

    // ---- the steps of the processes ----------------------------------------------------------------------

    Survey survey(long id) {
        return surveys.findById(id).orElseThrow();
    }

    List<Integer> batchNumbers(long surveyId) {
        int count = survey(surveyId).getRecipientCount();
        return IntStream.range(0, (count + batchSize - 1) / batchSize).boxed().toList();
    }

    List<Long> batch(long surveyId, int batch) {
        return recipients.idsOf(surveyId, PageRequest.of(batch, batchSize));
    }

    /** The start of the day the survey closes on: after the grace days for members, after the deadline when open. */
    Instant closesAt(long surveyId) {
        Survey s = survey(surveyId);
        LocalDate last = s.getAudience() == SurveyAudience.OPEN ? s.getDeadline() : s.getClosesOn();
        return time.startOf(s.getNetworkId(), last.plusDays(1));
    }

    /** Closes: no more answers; whoever has not answered stays without an answer (drafts are kept). */
    void close(long surveyId) {
        Survey s = survey(surveyId);
        if (s.close(time.now())) {
            recipients(s).forEach(SurveyRecipient::noAnswer);
        }
    }

    void invite(long recipientId) {
        SurveyRecipient r = recipients.findById(recipientId).orElseThrow();
        Survey s = survey(r.getSurveyId());
        if (r.getInvitedAt() == null) {
            Optional<String> to = coordinator(s, r).flatMap(m -> mails.send(s, r, m.getCoordinatorName(),
                    m.getCoordinatorEmail(), SurveyMails.Kind.INVITATION, "invitation"));
            r.invited(to.orElse(null), time.now());
        }
    }

    void remind(long recipientId) {
        SurveyRecipient r = recipients.findById(recipientId).orElseThrow();
        Survey s = survey(r.getSurveyId());
        if (r.getStatus().isWaiting() && mail(s, r, SurveyMails.Kind.REMINDER, "before-" + r.getDeadline())) {
            r.reminded(time.now());
        }
    }

    void noAnswer(long recipientId) {
        recipients.findById(recipientId).ifPresent(SurveyRecipient::noAnswer);
    }

    /** The day of the reminder before this member's deadline, if there is one after today. */
    Optional<LocalDate> reminderDay(long recipientId) {
        SurveyRecipient r = recipients.findById(recipientId).orElseThrow();
        Survey s = survey(r.getSurveyId());
        return reminderDay(s, time.today(s.getNetworkId()), r.getDeadline());
    }

    Instant reminderAt(long recipientId, LocalDate day) {
        SurveyRecipient r = recipients.findById(recipientId).orElseThrow();
        return time.at(survey(r.getSurveyId()).getNetworkId(), day, REMINDER_TIME);
    }

    /** The start of the day after the member's deadline: from then on the secretariat follows up. */
    Instant afterDeadline(long recipientId) {
        SurveyRecipient r = recipients.findById(recipientId).orElseThrow();
        return time.startOf(survey(r.getSurveyId()).getNetworkId(), r.getDeadline().plusDays(1));
    }

    private static Optional<LocalDate> reminderDay(Survey s, LocalDate today, LocalDate deadline) {
        if (s.getRemindDaysBefore() <= 0) {
            return Optional.empty();
        }
        LocalDate day = deadline.minusDays(s.getRemindDaysBefore());
        return day.isAfter(today) ? Optional.of(day) : Optional.empty();
    }

    private boolean mail(Survey s, SurveyRecipient r, SurveyMails.Kind kind, String onceKey) {
        return coordinator(s, r).flatMap(m -> mails.send(s, r, m.getCoordinatorName(), m.getCoordinatorEmail(),
                kind, onceKey)).isPresent();
    }

    /** The member as it is now: its coordinator today gets the mail. */
    private Optional<Member> coordinator(Survey s, SurveyRecipient r) {
        return members.find(Set.of(s.getNetworkId()), r.getMemberId());
    }

    // ---- answering ---------------------------------------------------------------------------------------

    /** What a member's private link opens. */
    public record Answering(Survey survey, SurveyRecipient recipient, Submission submission) {
    }

    @Transactional(readOnly = true)
    public Optional<Answering> answering(long submissionId) {
        return submissions.find(submissionId).flatMap(s -> recipients.findBySubmissionId(submissionId)
                .map(r -> new Answering(survey(r.getSurveyId()), r, s)));
    }

    /** The coordinator opened the link. */
    public void opened(SurveyRecipient recipient) {
        recipients.findById(recipient.getId()).ifPresent(r -> r.opened(time.now()));
    }

    /** A draft was saved, or the answer handed in: the follow-up page and the member's process hear of it. */
    public void saved(SurveyRecipient recipient, boolean submitted) {
        SurveyRecipient r = recipients.findById(recipient.getId()).orElseThrow();
        if (submitted) {
            r.answered(time.now());
            process.answered(r, survey(r.getSurveyId()).getNetworkId());
        } else {
            r.draftSaved(time.now());
        }
    }

    /** The open survey an open link shows, while it takes answers. */
    @Transactional(readOnly = true)
    public Optional<Survey> open(String token) {
        return token == null || token.length() > 64 ? Optional.empty()
                : surveys.findByOpenToken(token).filter(s -> s.getAudience() == SurveyAudience.OPEN);
    }

    /** An anonymous answer to an open survey: no person, address or browser stored. */
    public Submission anonymous(Survey survey) {
        return submissions.create(survey.getFormId(), survey.getVersionHash(), subject(survey), survey.getNetworkId(),
                Submitter.NOBODY);
    }

    /** The open survey an anonymous submission belongs to. */
    @Transactional(readOnly = true)
    public Optional<Survey> ofAnonymous(Submission submission) {
        return SUBJECT.equals(submission.subject().type()) && recipients.findBySubmissionId(submission.id()).isEmpty()
                ? surveys.findById(Long.parseLong(submission.subject().id())).filter(Survey::isAnonymous)
                : Optional.empty();
    }
}
