-- Data protection (versions 800-899 belong to security and privacy).
-- Who exported or erased personal data and how many records; never the data or the address searched for.
CREATE TABLE privacy_audit (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at   DATETIME(6)   NOT NULL,
    actor         VARCHAR(128)  NOT NULL,
    action        VARCHAR(20)   NOT NULL,     -- EXPORT, ERASE, RETENTION
    record_count  INT           NOT NULL,
    detail        VARCHAR(1000)               -- records per type, e.g. "membership-application=1, outbox-mail=2"
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_privacy_audit_time ON privacy_audit (occurred_at);

-- A lease per scheduled job, so one node of several runs it: a conditional UPDATE takes it.
CREATE TABLE privacy_job_lock (
    name          VARCHAR(40)   NOT NULL PRIMARY KEY,
    locked_until  DATETIME(6)   NOT NULL,
    locked_by     VARCHAR(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO privacy_job_lock (name, locked_until) VALUES ('retention', '2000-01-01 00:00:00');
