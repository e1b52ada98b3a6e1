package org.healthycities.surveys.internal;

import java.util.List;
import java.util.Set;
import org.healthycities.network.MemberFacts;
import org.healthycities.network.MemberStatus;

/**
 * Which members a survey goes to: all active members, those of a theme group, of a region, of a status, or a
 * hand-picked list. Chosen from the network's members on the day it is sent.
 */
public record Recipients(Choice choice, Long themeGroupId, String region, MemberStatus status, Set<Long> memberIds) {

    public enum Choice { ALL, THEME_GROUP, REGION, STATUS, PICKED }

    public static Recipients all() {
        return new Recipients(Choice.ALL, null, null, null, Set.of());
    }

    public static Recipients picked(Set<Long> memberIds) {
        return new Recipients(Choice.PICKED, null, null, null, Set.copyOf(memberIds));
    }

    /** The members this choice takes, in name order; a member without an active membership only when picked. */
    List<MemberFacts> of(List<MemberFacts> members) {
        return members.stream().filter(m -> switch (choice == null ? Choice.ALL : choice) {
            case ALL -> m.active();
            case THEME_GROUP -> m.active() && themeGroupId != null && m.themeGroupIds().contains(themeGroupId);
            case REGION -> m.active() && region != null && region.equals(m.region());
            case STATUS -> status != null && m.status() == status;
            case PICKED -> memberIds != null && memberIds.contains(m.id());
        }).toList();
    }
}
