-- The annual action-plan evaluation (versions 700-799 belong to the evaluation feature).
-- Answers are typed rows (one per goal, activity, tag, theme group) so reports aggregate in SQL across
-- members and years; there is no JSON copy.

-- When a network's yearly round opens by itself; without a row the defaults in EvaluationSettings apply.
CREATE TABLE evaluation_settings (
    network_id   VARCHAR(40) NOT NULL PRIMARY KEY,
    auto_start   BOOLEAN     NOT NULL DEFAULT TRUE,
    start_month  INT         NOT NULL DEFAULT 2,
    start_day    INT         NOT NULL DEFAULT 1,
    answer_days  INT         NOT NULL DEFAULT 56,
    grace_days   INT         NOT NULL DEFAULT 14,
    version      INT         NOT NULL DEFAULT 0,
    CONSTRAINT ck_evaluation_settings CHECK (start_month BETWEEN 1 AND 12 AND start_day BETWEEN 1 AND 28
        AND answer_days > 0 AND grace_days >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One round per network and reporting year.
CREATE TABLE evaluation_round (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id           VARCHAR(40)  NOT NULL,
    year                 INT          NOT NULL,
    strategy_id          BIGINT,
    start_date           DATE         NOT NULL,
    deadline             DATE         NOT NULL,
    grace_days           INT          NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    member_count         INT          NOT NULL DEFAULT 0,
    responded_count      INT          NOT NULL DEFAULT 0,
    accepted_count       INT          NOT NULL DEFAULT 0,
    missing_count        INT          NOT NULL DEFAULT 0,
    started_by           VARCHAR(128) NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    prepared_at          DATETIME(6),
    closed_at            DATETIME(6),
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_evaluation_round UNIQUE (network_id, year),
    CONSTRAINT ck_evaluation_round_dates CHECK (deadline >= start_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One member's evaluation in a round.
CREATE TABLE member_evaluation (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id           BIGINT        NOT NULL,
    network_id         VARCHAR(40)   NOT NULL,
    member_id          BIGINT        NOT NULL,
    member_name        VARCHAR(200)  NOT NULL,
    coordinator_name   VARCHAR(200),
    coordinator_email  VARCHAR(200),
    status             VARCHAR(20)   NOT NULL,
    deadline           DATE          NOT NULL,
    invited_at         DATETIME(6),
    submitted_at       DATETIME(6),
    reviewed_at        DATETIME(6),
    reviewed_by        VARCHAR(128),
    review_comment     TEXT,
    inequality_text    TEXT,
    wishes_text        TEXT,
    document_id        BIGINT,
    late               BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at         DATETIME(6)   NOT NULL,
    updated_at         DATETIME(6)   NOT NULL,
    version            INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_member_evaluation_round FOREIGN KEY (round_id) REFERENCES evaluation_round (id),
    CONSTRAINT uq_member_evaluation UNIQUE (round_id, member_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_member_evaluation_status ON member_evaluation (round_id, status);
CREATE INDEX ix_member_evaluation_member ON member_evaluation (member_id);

-- The coordinator's private links, stored only as SHA-256 hashes. Every mail carries a fresh link and the
-- earlier ones keep working until they expire, so a reminder never breaks the invitation's link.
CREATE TABLE evaluation_link (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evaluation_id  BIGINT       NOT NULL,
    token_hash     CHAR(64)     NOT NULL,
    expires_at     DATETIME(6)  NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_evaluation_link FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE,
    CONSTRAINT uq_evaluation_link UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Progress per strategic goal; the goal's title and position are copied so old rounds read as they were.
CREATE TABLE evaluation_goal_answer (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evaluation_id  BIGINT        NOT NULL,
    goal_id        BIGINT        NOT NULL,
    goal_position  INT           NOT NULL,
    goal_title     VARCHAR(300)  NOT NULL,
    progress       VARCHAR(20),
    what_done      TEXT,
    CONSTRAINT fk_goal_answer_evaluation FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE,
    CONSTRAINT uq_goal_answer UNIQUE (evaluation_id, goal_id),
    CONSTRAINT ck_goal_answer_progress CHECK (progress IS NULL
        OR progress IN ('NOT_STARTED', 'STARTED', 'WELL_UNDER_WAY', 'ACHIEVED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_goal_answer_goal ON evaluation_goal_answer (goal_id, progress);

CREATE TABLE evaluation_activity (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evaluation_id   BIGINT        NOT NULL,
    position        INT           NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    goal_id         BIGINT,
    status          VARCHAR(20)   NOT NULL,
    partners        VARCHAR(1000),
    carried_from_id BIGINT,
    CONSTRAINT fk_activity_evaluation FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_activity_evaluation ON evaluation_activity (evaluation_id, position);

CREATE TABLE evaluation_activity_sdg (
    activity_id  BIGINT       NOT NULL,
    sdg_code     VARCHAR(20)  NOT NULL,
    PRIMARY KEY (activity_id, sdg_code),
    CONSTRAINT fk_activity_sdg FOREIGN KEY (activity_id) REFERENCES evaluation_activity (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The SDGs and WHO 6 Ps the member worked with (tag sets of the network feature).
CREATE TABLE evaluation_tag (
    evaluation_id  BIGINT       NOT NULL,
    tag_set        VARCHAR(10)  NOT NULL,
    code           VARCHAR(20)  NOT NULL,
    PRIMARY KEY (evaluation_id, tag_set, code),
    CONSTRAINT fk_evaluation_tag FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_evaluation_tag_code ON evaluation_tag (tag_set, code);

CREATE TABLE evaluation_theme_group (
    evaluation_id   BIGINT        NOT NULL,
    theme_group_id  BIGINT        NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    PRIMARY KEY (evaluation_id, theme_group_id),
    CONSTRAINT fk_evaluation_theme_group FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to an evaluation and when: invitation, reminders, submissions, send-backs, extensions.
-- The unique key makes a retried process step record (and mail) an invitation or reminder once.
CREATE TABLE evaluation_event (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    evaluation_id  BIGINT        NOT NULL,
    kind           VARCHAR(30)   NOT NULL,
    once_key       VARCHAR(60),
    actor          VARCHAR(128)  NOT NULL,
    detail         VARCHAR(2000),
    occurred_at    DATETIME(6)   NOT NULL,
    CONSTRAINT fk_evaluation_event FOREIGN KEY (evaluation_id) REFERENCES member_evaluation (id) ON DELETE CASCADE,
    CONSTRAINT uq_evaluation_event_once UNIQUE (evaluation_id, once_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_evaluation_event ON evaluation_event (evaluation_id, occurred_at);
