package org.healthycities.network;

import java.util.Set;

/**
 * A member as a survey chooses and groups it: status, coordinator, population, its region (from the official
 * list of municipalities) and its theme groups. Read in one go for a whole network.
 */
public record MemberFacts(Long id, String name, MemberStatus status, boolean active, String coordinatorName,
                          String coordinatorEmail, Integer population, String region, Set<Long> themeGroupIds) {
}
