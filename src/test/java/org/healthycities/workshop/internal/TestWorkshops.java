package org.healthycities.workshop.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.Forms.JoinForm;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/** An open Sund By workshop session with a joined participant, for tests outside the workshop package. */
@Component
public class TestWorkshops {

    public record Opened(long workshopId, long sessionId, long assignmentId, long textQuestionId, long groupId,
                         String code, String participantToken) {
    }

    /** A draft session with three assignments, the first with two questions, and two more drafts to open. */
    public record Drafts(long sessionId, List<Long> assignmentIds, List<Long> questionIds, List<Long> toOpenSessionIds) {
    }

    private final WorkshopService workshops;
    private final ParticipantService participants;
    private final ConsolidationService consolidation;
    private final WorkshopProcess process;
    private final org.camunda.bpm.engine.ManagementService management;

    TestWorkshops(WorkshopService workshops, ParticipantService participants, ConsolidationService consolidation,
                  WorkshopProcess process, org.camunda.bpm.engine.ManagementService management) {
        this.workshops = workshops;
        this.participants = participants;
        this.consolidation = consolidation;
        this.process = process;
        this.management = management;
    }

    /**
     * A session of a workshop in the network (whose tenant has the group work process) that a group answered and the
     * secretariat consolidated: the question, its synthesis, the answer tagged with the SDG. Returns the session id.
     */
    public long consolidated(String networkId, String workshopTitle, String question, String synthesis, String sdg) {
        java.util.Set<String> networks = java.util.Set.of(networkId);
        Forms.WorkshopForm wf = new Forms.WorkshopForm(networkId, workshopTitle, java.time.LocalDate.of(2026, 11, 14),
                java.time.LocalDate.of(2026, 11, 14), "Odense");
        Workshop workshop = workshops.create(networks, wf, TestSessions.errors(wf)).orElseThrow();
        Forms.SessionForm sf = new Forms.SessionForm("Gruppearbejde", TestSessions.now().plusHours(2), "A", "Sal A");
        long sessionId = workshops.addSession(networks, workshop.getId(), sf, TestSessions.errors(sf),
                java.util.Locale.forLanguageTag("da")).orElseThrow().getId();
        Assignment a = workshops.addAssignment(networks, sessionId, new AssignmentForm("Opgave", null)).orElseThrow();
        QuestionForm q = new QuestionForm(question, Question.Kind.LONG_TEXT, null, null, null);
        Question asked = workshops.addQuestion(networks, sessionId, a.getId(), q, TestSessions.errors(q)).orElseThrow();
        var errors = new BeanPropertyBindingResult(new Object(), "open");
        String code = workshops.open(networks, sessionId, errors).orElseThrow(() -> new AssertionError(errors.getAllErrors()));
        SessionView view = workshops.session(networks, sessionId).orElseThrow();
        JoinForm join = new JoinForm(code, view.groups().get(0).getId(), null, "Deltager", "");
        var access = participants.access(participants.join(view, join, TestSessions.errors(join)).orElseThrow())
                .orElseThrow();
        participants.save(access, asked.getId(), 0, "Gruppens svar om " + question, null);
        workshops.closeEarly(networks, sessionId);
        org.healthycities.support.DueJobs.ofTenant(management, networkId)
                .runUntil(() -> process.consolidationTask(sessionId).isPresent());
        var board = consolidation.board(networks, sessionId, java.util.Locale.forLanguageTag("da")).orElseThrow();
        Long answerId = board.sheet(view.groups().get(0).getId()).answers().get(asked.getId()).getId();
        consolidation.complete(networks, sessionId, Map.of(asked.getId(), synthesis),
                Map.of(answerId, java.util.Set.of("SDG:" + sdg)), "sekretær", java.util.Locale.forLanguageTag("da"))
                .filter(Boolean::booleanValue).orElseThrow();
        return sessionId;
    }

    /** A session open for two hours, groups A and B, a text and a choice question; one participant in group A. */
    public Opened opened() {
        TestSessions.Opened o = TestSessions.opened(workshops, "A\nB", TestSessions.now().plusHours(2));
        SessionView view = o.view();
        long group = view.groups().get(0).getId();
        JoinForm form = new JoinForm(o.code(), group, null, "", "");
        Optional<String> token = participants.join(view, form, new BeanPropertyBindingResult(form, "joinForm"));
        Question text = view.questions().stream().filter(q -> q.getKind() == Question.Kind.LONG_TEXT).findFirst()
                .orElseThrow();
        return new Opened(view.session().getWorkshopId(), o.id(), view.assignments().get(0).assignment().getId(),
                text.getId(), group, o.code(), token.orElseThrow());
    }

    public Drafts drafts() {
        SessionView draft = TestSessions.draft(workshops, "A\nB", TestSessions.now().plusHours(2));
        long id = draft.session().getId();
        List<Long> assignments = new ArrayList<>();
        List<Long> questions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            assignments.add(workshops.addAssignment(TestSessions.SUND_BY, id,
                    new AssignmentForm("Opgave " + i, null)).orElseThrow().getId());
        }
        for (int i = 1; i <= 2; i++) {
            QuestionForm q = new QuestionForm("Spørgsmål " + i, Question.Kind.LONG_TEXT, null, null, null);
            questions.add(workshops.addQuestion(TestSessions.SUND_BY, id, assignments.get(0), q, TestSessions.errors(q))
                    .orElseThrow().getId());
        }
        List<Long> toOpen = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Long toOpenId = TestSessions.draft(workshops, "A", TestSessions.now().plusHours(2)).session().getId();
            Assignment a = workshops.addAssignment(TestSessions.SUND_BY, toOpenId, new AssignmentForm("Opgave", null))
                    .orElseThrow();
            QuestionForm q = new QuestionForm("Spørgsmål", Question.Kind.LONG_TEXT, null, null, null);
            workshops.addQuestion(TestSessions.SUND_BY, toOpenId, a.getId(), q, TestSessions.errors(q)).orElseThrow();
            toOpen.add(toOpenId);
        }
        return new Drafts(id, assignments, questions, toOpen);
    }

    /** What the secretariat's browser session holds after opening a session: its code, for the projector and QR. */
    public static Map<String, Object> sessionWithCode(long sessionId, String code) {
        return Map.of(WorkshopController.CODES, new HashMap<>(Map.of(sessionId, code)));
    }

    /** The SHA-256 under which a participant token is stored. */
    public static String storedHash(String token) {
        return Codes.hash(token);
    }
}
