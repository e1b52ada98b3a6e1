-- Membership onboarding (versions 500-599 belong to the membership feature).

-- An application to join a network. The process instance's business key is its id.
CREATE TABLE membership_application (
    id                          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id                  VARCHAR(40)   NOT NULL,
    reference                   VARCHAR(40),                    -- shown to the applicant; set right after insert
    idempotency_key             VARCHAR(64)   NOT NULL,         -- from the form: a second submit finds the first
    status                      VARCHAR(30)   NOT NULL,
    language                    VARCHAR(5)    NOT NULL,         -- the applicant's language, for pages and mails
    municipality_code           VARCHAR(20)   NOT NULL,
    municipality_name           VARCHAR(200)  NOT NULL,
    kind                        VARCHAR(20)   NOT NULL,
    population                  INT           NOT NULL,
    political_contact_name      VARCHAR(200)  NOT NULL,
    political_contact_email     VARCHAR(200)  NOT NULL,
    political_contact_phone     VARCHAR(40),
    admin_contact_name          VARCHAR(200)  NOT NULL,
    admin_contact_email         VARCHAR(200)  NOT NULL,         -- the applicant: gets the mails and the private link
    admin_contact_phone         VARCHAR(40),
    coordinator_name            VARCHAR(200)  NOT NULL,
    coordinator_email           VARCHAR(200)  NOT NULL,
    coordinator_phone           VARCHAR(40),
    decision_date               DATE          NOT NULL,
    decision_body               VARCHAR(200)  NOT NULL,
    decision_document_id        BIGINT,                         -- documents.document; null while unreadable
    document_problem            VARCHAR(100),                   -- why the last upload could not be read
    accession_signed_by_mayor   BOOLEAN,                        -- Sund By: tiltrædelsesdokument signed by the mayor
    mayor_name                  VARCHAR(200),
    coordinator_joins_assembly  BOOLEAN,                        -- Sund By: the coordinator joins the repræsentantskab
    motivation                  TEXT          NOT NULL,
    consent_text                TEXT          NOT NULL,         -- the consent the applicant gave, as shown
    consent_at                  DATETIME(6)   NOT NULL,
    fee                         DECIMAL(12, 2),
    fee_currency                VARCHAR(3),
    fee_set_by                  VARCHAR(128),                   -- null while the fee is the rule's
    questions                   TEXT,                           -- the secretariat's latest questions
    review_note                 TEXT,
    board_decision_date         DATE,
    board_note                  TEXT,
    member_id                   BIGINT,
    process_instance_id         VARCHAR(64),
    submitted_at                DATETIME(6)   NOT NULL,
    updated_at                  DATETIME(6)   NOT NULL,
    decided_at                  DATETIME(6),
    version                     INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_mapp_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uq_mapp_idempotency UNIQUE (idempotency_key),
    CONSTRAINT uq_mapp_reference UNIQUE (reference),
    CONSTRAINT ck_mapp_population CHECK (population >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_mapp_code ON membership_application (network_id, municipality_code, status);
CREATE INDEX ix_mapp_status ON membership_application (network_id, status);

CREATE TABLE membership_application_theme_group (
    application_id  BIGINT NOT NULL,
    theme_group_id  BIGINT NOT NULL,
    PRIMARY KEY (application_id, theme_group_id),
    CONSTRAINT fk_matg_application FOREIGN KEY (application_id) REFERENCES membership_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Private links: only a SHA-256 of the random token is kept. Each mail that carries a link makes a new one.
CREATE TABLE membership_application_link (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT       NOT NULL,
    token_hash      CHAR(64)     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_mlink_application FOREIGN KEY (application_id) REFERENCES membership_application (id) ON DELETE CASCADE,
    CONSTRAINT uq_mlink_hash UNIQUE (token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to an application, oldest first: the applicant's step indicator and the secretariat's history.
CREATE TABLE membership_application_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT        NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    actor           VARCHAR(128)  NOT NULL,
    detail          TEXT,
    CONSTRAINT fk_mevent_application FOREIGN KEY (application_id) REFERENCES membership_application (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_mevent_application ON membership_application_event (application_id, occurred_at);

-- A network's yearly fee: population bands (regions pay the top band) or a rate per inhabitant with floor and cap.
CREATE TABLE membership_fee_rule (
    id                    BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id            VARCHAR(40)    NOT NULL,
    kind                  VARCHAR(20)    NOT NULL,   -- BANDS or PER_INHABITANT
    currency              VARCHAR(3)     NOT NULL,
    rate_per_inhabitant   DECIMAL(10, 4),
    minimum_fee           DECIMAL(12, 2),
    maximum_fee           DECIMAL(12, 2),
    example               BOOLEAN        NOT NULL,   -- seeded example until the secretariat enters its own
    source                VARCHAR(300),
    updated_by            VARCHAR(128),
    updated_at            DATETIME(6)    NOT NULL,
    version               INT            NOT NULL DEFAULT 0,
    CONSTRAINT fk_mfee_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uq_mfee_network UNIQUE (network_id),
    CONSTRAINT ck_mfee_kind CHECK (kind IN ('BANDS', 'PER_INHABITANT'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE membership_fee_band (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rule_id           BIGINT         NOT NULL,
    position          INT            NOT NULL,
    up_to_population  INT,                          -- null: no upper limit (the top band)
    amount            DECIMAL(12, 2) NOT NULL,
    CONSTRAINT fk_mband_rule FOREIGN KEY (rule_id) REFERENCES membership_fee_rule (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Sunne kommuner's published rule (2022): NOK 2.02 per inhabitant, at least NOK 5,000, at most NOK 90,000.
INSERT INTO membership_fee_rule (network_id, kind, currency, rate_per_inhabitant, minimum_fee, maximum_fee, example, source, updated_at)
VALUES ('sunne-kommuner', 'PER_INHABITANT', 'NOK', 2.0200, 5000.00, 90000.00, FALSE,
        'Sunne kommuner, kontingent 2022: 2,02 kr per innbygger, minst 5 000 kr, høyst 90 000 kr', CURRENT_TIMESTAMP(6));

-- EXAMPLES ONLY: bands for the other networks until their secretariats enter their own.
INSERT INTO membership_fee_rule (network_id, kind, currency, example, source, updated_at)
VALUES ('sund-by', 'BANDS', 'DKK', TRUE, 'Eksempel: ret til netværkets egne satser', CURRENT_TIMESTAMP(6)),
       ('hc-sverige', 'BANDS', 'SEK', TRUE, 'Exempel: ändra till nätverkets egna avgifter', CURRENT_TIMESTAMP(6));

INSERT INTO membership_fee_band (rule_id, position, up_to_population, amount)
SELECT r.id, b.position, b.up_to, b.amount FROM membership_fee_rule r
JOIN (SELECT 'sund-by' AS network_id, 1 AS position, 20000 AS up_to, 10000.00 AS amount
      UNION ALL SELECT 'sund-by', 2, 50000, 20000.00
      UNION ALL SELECT 'sund-by', 3, 100000, 30000.00
      UNION ALL SELECT 'sund-by', 4, NULL, 40000.00
      UNION ALL SELECT 'hc-sverige', 1, 25000, 12000.00
      UNION ALL SELECT 'hc-sverige', 2, 75000, 25000.00
      UNION ALL SELECT 'hc-sverige', 3, 200000, 40000.00
      UNION ALL SELECT 'hc-sverige', 4, NULL, 60000.00) b ON b.network_id = r.network_id;
