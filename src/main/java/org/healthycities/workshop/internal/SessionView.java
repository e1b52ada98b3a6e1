package org.healthycities.workshop.internal;

import java.util.List;
import java.util.function.Predicate;

/** A session with everything its pages show: workshop, groups, assignments with their questions. */
public record SessionView(Workshop workshop, WorkshopSession session, List<WorkshopGroup> groups,
                   List<AssignmentView> assignments) {

    record AssignmentView(Assignment assignment, List<Question> questions) {
    }

    public List<Question> questions() {
        return assignments.stream().flatMap(a -> a.questions().stream()).toList();
    }

    /** The same session with only the questions that pass. */
    SessionView keep(Predicate<Question> which) {
        return new SessionView(workshop, session, groups, assignments.stream()
                .map(a -> new AssignmentView(a.assignment(), a.questions().stream().filter(which).toList())).toList());
    }

    public String networkId() {
        return workshop.getNetworkId();
    }

    public WorkshopGroup group(Long groupId) {
        return groups.stream().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
    }
}
