package org.healthycities.time;

import java.time.Instant;

/** An entity that notes when it was written; {@link StampListener} calls it with the application's clock. */
public interface Stamped {

    void stamp(Instant now);
}
