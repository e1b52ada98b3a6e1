-- Forms the secretariat designs in the browser (the forms feature owns versions 200-299).
-- A designed form has one draft that changes and numbered published versions that never do; each published
-- version's JSON is also a row of form_version, so submissions refer to it like to any form file.
CREATE TABLE designed_form (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id   VARCHAR(40)   NOT NULL,
    form_id      VARCHAR(100)  NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    draft_json   LONGTEXT      NOT NULL,
    draft_hash   CHAR(64)      NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL,
    updated_by   VARCHAR(100)  NOT NULL,
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_designed_form_id UNIQUE (form_id),
    CONSTRAINT fk_designed_form_network FOREIGN KEY (network_id) REFERENCES network (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_designed_form_network ON designed_form (network_id, updated_at);

CREATE TABLE designed_form_version (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    designed_form_id  BIGINT        NOT NULL,
    number            INT           NOT NULL,
    form_id           VARCHAR(100)  NOT NULL,
    version_hash      CHAR(64)      NOT NULL,
    published_at      DATETIME(6)   NOT NULL,
    published_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_designed_form_number UNIQUE (designed_form_id, number),
    CONSTRAINT fk_designed_version_form FOREIGN KEY (designed_form_id) REFERENCES designed_form (id),
    CONSTRAINT fk_designed_version_schema FOREIGN KEY (form_id, version_hash) REFERENCES form_version (form_id, version_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A form's texts in en, sv and nb, field by field (label, description, option, text); version 0 is the draft's,
-- publishing copies them to the new version, where they stay as they were.
CREATE TABLE designed_form_text (
    designed_form_id  BIGINT        NOT NULL,
    version_number    INT           NOT NULL,
    language          VARCHAR(5)    NOT NULL,
    text_key          VARCHAR(250)  NOT NULL,
    text              TEXT          NOT NULL,
    PRIMARY KEY (designed_form_id, version_number, language, text_key),
    CONSTRAINT fk_designed_text_form FOREIGN KEY (designed_form_id) REFERENCES designed_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
