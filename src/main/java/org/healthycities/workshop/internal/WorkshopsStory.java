package org.healthycities.workshop.internal;

import java.time.Instant;
import java.util.List;
import org.healthycities.network.Member;
import org.healthycities.network.MemberStory;
import org.healthycities.network.NetworkClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The workshop sessions a member's people took part in (those who named their municipality when joining). */
@Component
class WorkshopsStory implements MemberStory {

    private final ParticipantRepository participants;
    private final NetworkClock time;

    WorkshopsStory(ParticipantRepository participants, NetworkClock time) {
        this.participants = participants;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public Chapter of(Member member) {
        List<Line> lines = participants.sessionsOfMember(member.getId()).stream()
                .map(row -> new Line(((Instant) row[3]).atZone(time.zone(member.getNetworkId())).toLocalDate(),
                        "workshop.story.session",
                        new Object[] {row[1], row[2], ((Number) row[4]).intValue()}, null, "/workshops/" + row[0]))
                .toList();
        return new Chapter(25, "workshop.story.title", lines);
    }
}
