-- Surveys the secretariat sends itself (the surveys feature owns versions 750-799): a published designed form,
-- its recipients (members, each answering through its coordinator's private link) or an open link, and dates.
CREATE TABLE survey (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id          VARCHAR(40)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    designed_form_id    BIGINT        NOT NULL,
    form_id             VARCHAR(100)  NOT NULL,
    version_hash        CHAR(64)      NOT NULL,
    form_number         INT           NOT NULL,
    audience            VARCHAR(20)   NOT NULL,
    open_token          VARCHAR(64)   NULL,
    opens_on            DATE          NOT NULL,
    deadline            DATE          NOT NULL,
    closes_on           DATE          NOT NULL,
    remind_days_before  INT           NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    recipient_count     INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    created_by          VARCHAR(100)  NOT NULL,
    closed_at           DATETIME(6)   NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_survey_open_token UNIQUE (open_token),
    CONSTRAINT fk_survey_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT fk_survey_form FOREIGN KEY (designed_form_id) REFERENCES designed_form (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_survey_network ON survey (network_id, created_at);
CREATE INDEX ix_survey_form ON survey (designed_form_id, opens_on);

-- One member asked: the member answers (its submission), whoever is its coordinator when a mail goes out.
CREATE TABLE survey_recipient (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    survey_id       BIGINT        NOT NULL,
    member_id       BIGINT        NOT NULL,
    member_name     VARCHAR(200)  NOT NULL,
    submission_id   BIGINT        NOT NULL,
    deadline        DATE          NOT NULL,
    status          VARCHAR(20)   NOT NULL,
    invited_at      DATETIME(6)   NULL,
    invited_to      VARCHAR(320)  NULL,
    opened_at       DATETIME(6)   NULL,
    reminded_at     DATETIME(6)   NULL,
    reminders       INT           NOT NULL DEFAULT 0,
    answered_at     DATETIME(6)   NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_survey_member UNIQUE (survey_id, member_id),
    CONSTRAINT uq_survey_submission UNIQUE (submission_id),
    CONSTRAINT fk_recipient_survey FOREIGN KEY (survey_id) REFERENCES survey (id),
    CONSTRAINT fk_recipient_member FOREIGN KEY (member_id) REFERENCES member (id),
    CONSTRAINT fk_recipient_submission FOREIGN KEY (submission_id) REFERENCES form_submission (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_recipient_status ON survey_recipient (survey_id, status);
