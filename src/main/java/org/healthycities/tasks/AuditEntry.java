package org.healthycities.tasks;

import java.time.Instant;

/** One row of the {@link AuditLog}. */
public record AuditEntry(Long id, Instant time, String userId, String networkId, String recordType, String recordId,
                         String action, String detail) {
}
