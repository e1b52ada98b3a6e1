-- Every saved version of a group's field, so nothing a phone saved is ever gone.
CREATE TABLE workshop_answer_version (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    answer_id  BIGINT       NOT NULL,
    version    INT          NOT NULL,
    value      MEDIUMTEXT,
    saved_at   DATETIME(6)  NOT NULL,
    saved_by   BIGINT,                                -- participant
    CONSTRAINT fk_answer_version_answer FOREIGN KEY (answer_id) REFERENCES workshop_answer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_answer_version ON workshop_answer_version (answer_id, version);

-- A text refused because someone else in the group saved the field first. It stays open, shown to the whole
-- group beside the saved text, until someone chooses; no save decides it by default.
CREATE TABLE workshop_answer_conflict (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    answer_id       BIGINT       NOT NULL,
    value           MEDIUMTEXT,
    base_version    INT          NOT NULL,            -- the version the phone had seen
    participant_id  BIGINT,
    created_at      DATETIME(6)  NOT NULL,
    resolved_at     DATETIME(6),
    resolved_by     BIGINT,
    CONSTRAINT fk_answer_conflict_answer FOREIGN KEY (answer_id) REFERENCES workshop_answer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_answer_conflict_open ON workshop_answer_conflict (answer_id, resolved_at);
