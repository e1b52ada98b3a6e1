-- Our own audit trail, shown with Camunda's history on the task page (versions 450-499 belong to tasks).
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  DATETIME(6)   NOT NULL,
    user_id      VARCHAR(128)  NOT NULL,
    network_id   VARCHAR(40)   NOT NULL,
    record_type  VARCHAR(40)   NOT NULL,
    record_id    VARCHAR(64)   NOT NULL,
    action       VARCHAR(100)  NOT NULL,
    detail       TEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_audit_entry_record ON audit_entry (record_type, record_id, network_id);
CREATE INDEX ix_audit_entry_network_time ON audit_entry (network_id, occurred_at);
