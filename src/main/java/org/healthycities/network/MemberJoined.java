package org.healthycities.network;

import java.time.LocalDate;

/**
 * A member joined its network: it was created active (added by hand, imported, approved by the onboarding) or an
 * existing member became active. Told once the member is written; features that keep something per member react to
 * it (the evaluation asks the new member in the round that is open for answers).
 */
public record MemberJoined(String networkId, Long memberId, String name, LocalDate joinedOn) {
}
