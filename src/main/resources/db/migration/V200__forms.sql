-- Forms and answers (versions 200-299 belong to the forms feature).

-- Every version of a form file that was ever used, so an old submission reads with the form it was made with.
CREATE TABLE form_version (
    form_id         VARCHAR(100)  NOT NULL,
    version_hash    CHAR(64)      NOT NULL,
    schema_json     LONGTEXT      NOT NULL,
    first_used_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (form_id, version_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One filled-in form about one subject (an application, a workshop group, an evaluation).
-- person_* and ip/user agent stay NULL for anonymous forms.
CREATE TABLE form_submission (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    form_id            VARCHAR(100)  NOT NULL,
    form_version_hash  CHAR(64)      NOT NULL,
    subject_type       VARCHAR(40)   NOT NULL,
    subject_id         VARCHAR(64)   NOT NULL,
    network_id         VARCHAR(40)   NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    submitted_at       DATETIME(6)   NULL,
    person_id          VARCHAR(100)  NULL,
    person_email       VARCHAR(254)  NULL,
    ip_address         VARCHAR(45)   NULL,
    user_agent         VARCHAR(500)  NULL,
    CONSTRAINT fk_submission_form_version FOREIGN KEY (form_id, form_version_hash)
        REFERENCES form_version (form_id, version_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_submission_form ON form_submission (form_id, network_id, id);
CREATE INDEX ix_submission_subject ON form_submission (subject_type, subject_id);

-- One row per answered field (several for a multi-choice), typed, so answers aggregate in SQL.
CREATE TABLE form_answer (
    id              BIGINT          NOT NULL AUTO_INCREMENT PRIMARY KEY,
    submission_id   BIGINT          NOT NULL,
    field_key       VARCHAR(100)    NOT NULL,
    position        INT             NOT NULL DEFAULT 0,
    text_value      MEDIUMTEXT      NULL,
    number_value    DECIMAL(38, 10) NULL,
    date_value      DATE            NULL,
    boolean_value   BOOLEAN         NULL,
    option_value    VARCHAR(255)    NULL,
    document_id     BIGINT          NULL,
    CONSTRAINT fk_answer_submission FOREIGN KEY (submission_id) REFERENCES form_submission (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_answer_submission ON form_answer (submission_id, field_key, position);
CREATE INDEX ix_answer_field ON form_answer (field_key, option_value);

-- Private links to come back to a draft: only the SHA-256 of the token is kept.
CREATE TABLE form_link (
    token_hash      CHAR(64)      NOT NULL PRIMARY KEY,
    submission_id   BIGINT        NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_link_submission FOREIGN KEY (submission_id) REFERENCES form_submission (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
