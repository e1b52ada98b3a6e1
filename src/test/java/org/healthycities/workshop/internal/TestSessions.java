package org.healthycities.workshop.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.healthycities.support.TestClock;
import org.healthycities.workshop.internal.Forms.AssignmentForm;
import org.healthycities.workshop.internal.Forms.QuestionForm;
import org.healthycities.workshop.internal.Forms.SessionForm;
import org.healthycities.workshop.internal.Forms.WorkshopForm;
import org.springframework.validation.BeanPropertyBindingResult;

/** Makes workshop sessions for tests through the secretariat's own service, each with unique names. */
final class TestSessions {

    static final Set<String> SUND_BY = Set.of("sund-by");

    record Opened(SessionView view, String code) {
        Long id() {
            return view.session().getId();
        }
    }

    private TestSessions() {
    }

    /** Now, as the secretariat types times: in the networks' time zone. */
    static LocalDateTime now() {
        return LocalDateTime.ofInstant(TestClock.now(), TestClock.COPENHAGEN);
    }

    static SessionView draft(WorkshopService workshops, String groups, LocalDateTime deadline) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        WorkshopForm wf = new WorkshopForm("sund-by", "Koordinatordage " + unique, LocalDate.of(2026, 11, 14),
                LocalDate.of(2026, 11, 15), "Odense");
        Workshop workshop = workshops.create(SUND_BY, wf, errors(wf)).orElseThrow();
        SessionForm sf = new SessionForm("Gruppearbejde " + unique, deadline, groups, "Sal A");
        return workshops.session(SUND_BY, workshops.addSession(SUND_BY, workshop.getId(), sf, errors(sf),
                Locale.forLanguageTag("da")).orElseThrow().getId()).orElseThrow();
    }

    /** A session with its own two questions (a long text and a choice), opened. */
    static Opened opened(WorkshopService workshops, String groups, LocalDateTime deadline) {
        SessionView draft = draft(workshops, groups, deadline);
        Long sessionId = draft.session().getId();
        Assignment a = workshops.addAssignment(SUND_BY, sessionId,
                new AssignmentForm("Opgave 1: Strategien", "Drøft strategien.")).orElseThrow();
        QuestionForm text = new QuestionForm("Hvad fungerer godt?", Question.Kind.LONG_TEXT, null, null, null);
        workshops.addQuestion(SUND_BY, sessionId, a.getId(), text, errors(text)).orElseThrow();
        QuestionForm choice = new QuestionForm("Er strategien klar?", Question.Kind.CHOICE, "Ja\nDelvis\nNej", null, null);
        workshops.addQuestion(SUND_BY, sessionId, a.getId(), choice, errors(choice)).orElseThrow();
        return open(workshops, sessionId);
    }

    static Opened open(WorkshopService workshops, Long sessionId) {
        var errors = new BeanPropertyBindingResult(new Object(), "open");
        String code = workshops.open(SUND_BY, sessionId, errors).orElseThrow(
                () -> new AssertionError("not opened: " + errors.getAllErrors()));
        assertThat(code).hasSize(6);
        return new Opened(workshops.session(SUND_BY, sessionId).orElseThrow(), code);
    }

    static BeanPropertyBindingResult errors(Object target) {
        return new BeanPropertyBindingResult(target, "form");
    }

    static List<Question> questions(Opened opened) {
        return opened.view().questions();
    }
}
