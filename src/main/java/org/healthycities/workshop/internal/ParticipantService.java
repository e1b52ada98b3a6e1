package org.healthycities.workshop.internal;

import java.util.List;
import java.util.Optional;
import org.healthycities.forms.FieldError;
import org.healthycities.forms.SaveResult;
import org.healthycities.network.Member;
import org.healthycities.network.MemberService;
import org.healthycities.network.NetworkClock;
import org.healthycities.security.SecretCodes;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** What a participant does without an account: join with the code, write on the group's sheet, hand it in. */
@Service
@Transactional
class ParticipantService {

    /** The result of typing a code. */
    sealed interface CodeCheck {
        record Open(SessionView view) implements CodeCheck { }
        record Closed() implements CodeCheck { }
        record Wrong() implements CodeCheck { }
        record TooManyGuesses() implements CodeCheck { }
    }

    /** A participant's access through the private link. */
    record Access(Participant participant, SessionView view) {
        public WorkshopGroup group() {
            return view.group(participant.getGroupId());
        }
    }

    private final SessionRepository sessions;
    private final ParticipantRepository participants;
    private final WorkshopService workshops;
    private final SheetStore sheets;
    private final JoinGuard guard;
    private final SecretCodes codes;
    private final NetworkClock time;
    private final MemberService members;

    ParticipantService(SessionRepository sessions, ParticipantRepository participants,
                       WorkshopService workshops, SheetStore sheets, JoinGuard guard, SecretCodes codes,
                       NetworkClock time, MemberService members) {
        this.members = members;
        this.time = time;
        this.codes = codes;
        this.sessions = sessions;
        this.participants = participants;
        this.workshops = workshops;
        this.sheets = sheets;
        this.guard = guard;
    }

    /** Checks a typed code; every wrong one counts against the address. */
    @Transactional(readOnly = true)
    CodeCheck check(String address, String typed) {
        if (guard.blocked(address)) {
            return new CodeCheck.TooManyGuesses();
        }
        String code = Codes.normalize(typed);
        if (Codes.looksLikeCode(code)) {
            String hash = codes.hash(code);
            Optional<WorkshopSession> open = sessions.findByJoinCodeHash(hash);
            if (open.isPresent()) {
                return open.get().takesAnswers(time.now())
                        ? new CodeCheck.Open(workshops.sessionForParticipant(open.get().getId()))
                        : new CodeCheck.Closed();
            }
            if (sessions.findFirstByOldCodeHashOrderByIdDesc(hash).isPresent()) {
                return new CodeCheck.Closed();
            }
        }
        guard.failed(address);
        return new CodeCheck.Wrong();
    }

    /**
     * Joins the chosen group; returns the private link's token (kept only hashed), or empty with the
     * reason in errors.
     */
    Optional<String> join(SessionView view, JoinForm form, Errors errors) {
        if (form.groupId() == null || view.group(form.groupId()) == null) {
            errors.rejectValue("groupId", "workshop.join.group.required");
        }
        if (form.memberId() != null && members(view).stream().noneMatch(m -> m.getId().equals(form.memberId()))) {
            errors.rejectValue("memberId", "workshop.join.member.unknown");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        String token = Codes.newToken();
        participants.save(new Participant(view.session().getId(), form.groupId(), Codes.hash(token), form.name(),
                form.email(), form.memberId(), time.now()));
        return Optional.of(token);
    }

    /** The members a participant may say they come from: the network's active members today. */
    @Transactional(readOnly = true)
    List<Member> members(SessionView view) {
        return members.activeMembers(view.networkId(), time.today(view.networkId()));
    }

    @Transactional(readOnly = true)
    Optional<Access> access(String token) {
        return participant(token).map(p -> new Access(p, workshops.sessionForParticipant(p.getSessionId())));
    }

    private Optional<Participant> participant(String token) {
        return plausible(token) ? participants.findByTokenHash(Codes.hash(token)) : Optional.empty();
    }

    private static boolean plausible(String token) {
        return token != null && token.length() <= 64;
    }

    SaveResult<SheetField> save(Access access, Long questionId, int seenVersion, String value, Long resolves) {
        Question question = access.view().questions().stream().filter(q -> q.getId().equals(questionId))
                .findFirst().orElse(null);
        // read again: the page's view may be older than a close that happened meanwhile
        WorkshopSession session = sessions.findById(access.participant().getSessionId()).orElseThrow();
        return save(access.participant(), session, question, null, seenVersion, value, resolves);
    }

    /**
     * One field's save through the private link, as the phones send it while typing: reads only what the save
     * needs (the participant, the question within their session, the session) in one transaction, not the
     * whole session view with its groups; empty for an unknown link. The bursts of a workshop go through here.
     */
    Optional<SaveResult<SheetField>> saveField(String token, Long questionId, int seenVersion, String value,
                                               Long resolves) {
        if (!plausible(token) || questionId == null) {
            return Optional.empty();
        }
        return participants.fieldWriter(Codes.hash(token), questionId).map(w -> save(w.participant(), w.session(),
                w.question(), w.answerId(), seenVersion, value, resolves));
    }

    /** The group's sheet as it stands, for the phones that follow it live; empty for an unknown link. */
    @Transactional(readOnly = true)
    Optional<SheetStore.SheetView> sheetOf(String token) {
        return participant(token).map(p -> sheets.sheet(p.getGroupId()));
    }

    /**
     * Not written when the session takes no more answers ({@link SaveResult.Closed}: the phone keeps the text) or the
     * text does not fit the question ({@link SaveResult.Invalid}, refused on the field).
     */
    private SaveResult<SheetField> save(Participant participant, WorkshopSession session, Question question,
                                        Long answerId, int seenVersion, String value, Long resolves) {
        if (question == null) {
            return new SaveResult.Invalid<>(null, List.of(new FieldError(null, "workshop.sheet.unknownQuestion")));
        }
        if (!session.takesAnswers(time.now())) {
            return new SaveResult.Closed<>(null);
        }
        if (!question.accepts(value)) {
            String why = question.getKind() == Question.Kind.LONG_TEXT ? "workshop.sheet.tooLong"
                    : "workshop.sheet.notAnOption";
            return new SaveResult.Invalid<>(null, List.of(new FieldError(SheetField.key(question.getId()), why)));
        }
        return sheets.save(participant.getGroupId(), question.getId(), answerId, seenVersion, value,
                participant.getId(), time.now(), resolves);
    }

    /**
     * Hands the group's sheet in (the group may still revise it until the session ends). Only the sheet is
     * written here; {@link HandInRelay} tells the process, one hand-in at a time, so a burst of groups
     * handing in at once never collides on the process instance.
     */
    boolean submit(Access access) {
        WorkshopSession session = sessions.findById(access.participant().getSessionId()).orElseThrow();
        if (!session.takesAnswers(time.now())) {
            return false;
        }
        sheets.submit(access.participant().getGroupId(), time.now());
        return true;
    }
}
