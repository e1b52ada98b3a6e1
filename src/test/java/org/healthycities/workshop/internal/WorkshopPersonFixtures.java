package org.healthycities.workshop.internal;

import java.util.Map;
import org.springframework.stereotype.Component;

/** For tests of other packages (data protection): a participant who joined a real session and answered in it. */
@Component
public class WorkshopPersonFixtures {

    private final WorkshopService workshops;
    private final ParticipantService participants;

    WorkshopPersonFixtures(WorkshopService workshops, ParticipantService participants) {
        this.workshops = workshops;
        this.participants = participants;
    }

    /** Opens a new session, joins its first group with this name and address, answers its text question. */
    public Map<String, Long> joinAndAnswer(String name, String email, String answer) {
        TestSessions.Opened opened = TestSessions.opened(workshops, "Gruppe A\nGruppe B",
                TestSessions.now().plusDays(1));
        Forms.JoinForm form = new Forms.JoinForm(opened.code(), opened.view().groups().get(0).getId(), null, name, email);
        String token = participants.join(opened.view(), form, TestSessions.errors(form)).orElseThrow();
        ParticipantService.Access access = participants.access(token).orElseThrow();
        Question text = TestSessions.questions(opened).get(0);
        participants.save(access, text.getId(), 0, answer, null);
        return Map.of("participant", access.participant().getId(), "session", opened.id(),
                "workshop", opened.view().workshop().getId());
    }
}
