package org.healthycities.workshop;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The secretariat consolidated a session: its questions with their syntheses and the goals and SDGs its answers were
 * tagged with, for whoever keeps the network's knowledge. Published inside the consolidating transaction.
 */
public record SessionConsolidated(String networkId, long sessionId, String workshopTitle, String sessionTitle,
                                  LocalDate day, List<Result> results, Set<Long> goalIds, Set<String> sdgs) {

    /** A question as it was asked and what the secretariat drew from the groups' answers (null: nothing). */
    public record Result(String question, String synthesis) {
    }
}
