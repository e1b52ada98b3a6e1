package org.healthycities.privacy;

import java.time.Instant;
import java.time.Period;
import java.util.function.ToIntFunction;
import org.springframework.modulith.NamedInterface;

/**
 * A feature's retention period for one kind of record, applied by the retention job. {@link #apply} must be
 * idempotent (conditional updates and deletes), so two nodes running it at once do no harm.
 */
@NamedInterface("personal-data")
public interface RetentionRule {

    /** The configuration key: {@code hc.privacy.retention.<key>} overrides {@link #defaultPeriod()}. */
    String key();

    Period defaultPeriod();

    /**
     * Anonymises or deletes the records that became due before {@code cutoff}.
     *
     * @return how many records were changed or deleted
     */
    int apply(Instant cutoff);

    /** A rule from its key, default period and what it does with the cutoff. */
    static RetentionRule of(String key, Period defaultPeriod, ToIntFunction<Instant> apply) {
        return new RetentionRule() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Period defaultPeriod() {
                return defaultPeriod;
            }

            @Override
            public int apply(Instant cutoff) {
                return apply.applyAsInt(cutoff);
            }

            @Override
            public String toString() {
                return "RetentionRule " + key;
            }
        };
    }
}
