package org.healthycities.workshop;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collection of workshop-group-work: one branch (one shared sheet) per group. Public
 * only because the engine's expression language calls it by reflection.
 */
@Component("workshopGroups")
public class WorkshopGroups {

    private final GroupRepository groups;

    WorkshopGroups(GroupRepository groups) {
        this.groups = groups;
    }

    public List<Long> ids(Long sessionId) {
        return groups.findBySessionIdOrderByPosition(sessionId).stream().map(WorkshopGroup::getId).toList();
    }
}
