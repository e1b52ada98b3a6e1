package org.healthycities.time;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Stamps {@link Stamped} entities with the application's clock before they are written. Hibernate builds its
 * entity listeners through Spring, so an entity names this class in {@code @EntityListeners} and its own
 * timestamps follow the one clock (and the time a test set) without reading the time itself.
 */
@Component
public class StampListener {

    private final Clock clock;

    StampListener(Clock clock) {
        this.clock = clock;
    }

    @PrePersist
    @PreUpdate
    void stamp(Object entity) {
        if (entity instanceof Stamped stamped) {
            stamped.stamp(clock.instant());
        }
    }
}
