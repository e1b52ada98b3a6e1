-- Workshop group work (versions 600-699 belong to the workshop feature).
-- A workshop has sessions; a session has groups, assignments with questions, and one answer sheet per group.
CREATE TABLE workshop (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id  VARCHAR(40)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    starts_on   DATE,
    ends_on     DATE,
    place       VARCHAR(200),
    template    BOOLEAN       NOT NULL DEFAULT FALSE,   -- a template only lends its assignments to copy
    created_at  DATETIME(6)   NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_workshop_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT ck_workshop_dates CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_workshop_network ON workshop (network_id, template, starts_on);

CREATE TABLE workshop_session (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    workshop_id     BIGINT        NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    deadline        DATETIME(6),                      -- UTC
    status          VARCHAR(20)   NOT NULL,           -- DRAFT, OPEN, CLOSED, CONSOLIDATED
    join_code_hash  CHAR(64),                         -- SHA-256 of the join code; NULL when none works
    old_code_hash   CHAR(64),                         -- the code's hash after the close, to say "closed"
    opened_at       DATETIME(6),
    closed_at       DATETIME(6),
    closed_early    BOOLEAN       NOT NULL DEFAULT FALSE,
    summary_sent_at DATETIME(6),                      -- when the summary was mailed to the participants
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_session_workshop FOREIGN KEY (workshop_id) REFERENCES workshop (id),
    CONSTRAINT uq_session_code UNIQUE (join_code_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_session_old_code ON workshop_session (old_code_hash);

CREATE TABLE workshop_group (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_group_session FOREIGN KEY (session_id) REFERENCES workshop_session (id),
    CONSTRAINT uq_group_name UNIQUE (session_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE workshop_assignment (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT        NOT NULL,
    position    INT           NOT NULL,
    title       VARCHAR(300)  NOT NULL,
    intro       TEXT,
    CONSTRAINT fk_assignment_session FOREIGN KEY (session_id) REFERENCES workshop_session (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A work question is one form field: long text usually, sometimes a choice or a scale.
CREATE TABLE workshop_question (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    assignment_id  BIGINT        NOT NULL,
    position       INT           NOT NULL,
    label          TEXT          NOT NULL,
    kind           VARCHAR(20)   NOT NULL,            -- LONG_TEXT, CHOICE, SCALE
    options        TEXT,                              -- CHOICE: one option a line
    scale_min      INT,
    scale_max      INT,
    CONSTRAINT fk_question_assignment FOREIGN KEY (assignment_id) REFERENCES workshop_assignment (id),
    CONSTRAINT ck_question_scale CHECK (scale_min IS NULL OR scale_max IS NULL OR scale_max > scale_min)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Someone who joined a session with the code; name and email are optional (anonymous allowed).
CREATE TABLE workshop_participant (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id  BIGINT        NOT NULL,
    group_id    BIGINT        NOT NULL,
    token_hash  CHAR(64)      NOT NULL,               -- SHA-256 of the private link's token
    name        VARCHAR(200),
    email       VARCHAR(200),
    joined_at   DATETIME(6)   NOT NULL,
    CONSTRAINT fk_participant_session FOREIGN KEY (session_id) REFERENCES workshop_session (id),
    CONSTRAINT fk_participant_group FOREIGN KEY (group_id) REFERENCES workshop_group (id),
    CONSTRAINT uq_participant_token UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One shared answer sheet per group.
CREATE TABLE workshop_sheet (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id    BIGINT        NOT NULL,
    group_id      BIGINT        NOT NULL,
    status        VARCHAR(20)   NOT NULL,             -- OPEN, SUBMITTED, DRAFT (collected unsubmitted at the close)
    submitted_at  DATETIME(6),
    signalled     BOOLEAN       NOT NULL DEFAULT FALSE, -- the process has heard of the hand-in
    CONSTRAINT fk_sheet_session FOREIGN KEY (session_id) REFERENCES workshop_session (id),
    CONSTRAINT fk_sheet_group FOREIGN KEY (group_id) REFERENCES workshop_group (id),
    CONSTRAINT uq_sheet_group UNIQUE (group_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_sheet_unsignalled ON workshop_sheet (signalled, status);

-- One row per sheet and question, made when the session opens; every save bumps its own version,
-- so two phones writing different fields never collide and a stale save of the same field is refused.
CREATE TABLE workshop_answer (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id     BIGINT        NOT NULL,
    question_id  BIGINT        NOT NULL,
    value        MEDIUMTEXT,
    version      INT           NOT NULL DEFAULT 0,
    updated_at   DATETIME(6),
    updated_by   BIGINT,                              -- participant
    CONSTRAINT fk_answer_sheet FOREIGN KEY (sheet_id) REFERENCES workshop_sheet (id),
    CONSTRAINT fk_answer_question FOREIGN KEY (question_id) REFERENCES workshop_question (id),
    CONSTRAINT uq_answer UNIQUE (sheet_id, question_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The secretariat's synthesis of all groups' answers to one question.
CREATE TABLE workshop_synthesis (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    question_id  BIGINT        NOT NULL,
    text         MEDIUMTEXT,
    updated_at   DATETIME(6),
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_synthesis_question FOREIGN KEY (question_id) REFERENCES workshop_question (id),
    CONSTRAINT uq_synthesis UNIQUE (question_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tags of an answer: a strategic goal (tag_set GOAL, code = goal id) or an SDG (tag_set SDG, code SDG3).
CREATE TABLE workshop_answer_tag (
    answer_id  BIGINT       NOT NULL,
    tag_set    VARCHAR(10)  NOT NULL,
    code       VARCHAR(20)  NOT NULL,
    PRIMARY KEY (answer_id, tag_set, code),
    CONSTRAINT fk_answer_tag_answer FOREIGN KEY (answer_id) REFERENCES workshop_answer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Wrong join codes per client address, shared by all application nodes, to limit guessing.
CREATE TABLE workshop_join_failure (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    address    VARCHAR(64)   NOT NULL,
    failed_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_join_failure ON workshop_join_failure (address, failed_at);
