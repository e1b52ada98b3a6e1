package org.healthycities.tasks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

@Entity
@Table(name = "audit_entry")
class AuditEntryRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    Instant occurredAt;
    String userId;
    String networkId;
    String recordType;
    String recordId;
    String action;
    String detail;

    AuditEntry toEntry() {
        return new AuditEntry(id, occurredAt, userId, networkId, recordType, recordId, action, detail);
    }
}

interface AuditEntryRepository extends JpaRepository<AuditEntryRecord, Long> {

    List<AuditEntryRecord> findByNetworkIdAndRecordTypeAndRecordIdOrderByOccurredAtAscIdAsc(
            String networkId, String recordType, String recordId);
}
