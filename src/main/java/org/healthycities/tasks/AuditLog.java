package org.healthycities.tasks;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.healthycities.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Our own audit trail next to Camunda's history: who did what to which record, and when (e.g. application 42:
 * "review decided approve"). The task page's history panel shows the rows of the record a task is about.
 * Rows are written in the caller's transaction, so they stand or fall with what they describe.
 */
@Service
@Transactional
public class AuditLog {

    /** The actor of rows written without a logged-in person (timers, service tasks). */
    public static final String SYSTEM = "system";

    private final AuditEntryRepository repository;
    private final Clock clock;

    AuditLog(AuditEntryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Records an action of the logged-in person ({@link #SYSTEM} when nobody is logged in).
     *
     * @param action a short code; when it is a message key (in any bundle) the page shows its text in the
     *               reader's language, otherwise the code itself
     * @param detail free text, e.g. the reason given; may be null; cut at 2,000 characters
     */
    public AuditEntry record(String networkId, String recordType, String recordId, String action, String detail) {
        return record(CurrentUser.get().map(CurrentUser::id).orElse(SYSTEM), networkId, recordType, recordId, action,
                detail);
    }

    /** Records an action of a named actor, e.g. "applicant" for someone acting through a private link. */
    public AuditEntry record(String userId, String networkId, String recordType, String recordId, String action,
                             String detail) {
        AuditEntryRecord row = new AuditEntryRecord();
        row.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        row.userId = required(userId, "userId", 128);
        row.networkId = required(networkId, "networkId", 40);
        row.recordType = required(recordType, "recordType", 40);
        row.recordId = required(recordId, "recordId", 64);
        row.action = required(action, "action", 100);
        row.detail = detail == null || detail.isBlank() ? null : cut(detail.strip(), 2000);
        return repository.save(row).toEntry();
    }

    /** The rows of one record in one network, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(String networkId, String recordType, String recordId) {
        return repository.findByNetworkIdAndRecordTypeAndRecordIdOrderByOccurredAtAscIdAsc(networkId, recordType,
                recordId).stream().map(AuditEntryRecord::toEntry).toList();
    }

    /** A caller's mistake, not the person's: fails loudly (and rolls back what the row would describe). */
    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters: " + value);
        }
        return value;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
