-- Mails written in the sender's transaction and delivered after commit (versions 400-449: notifications).
-- status: KEPT (no mail server configured: kept for the admin to read), PENDING, SENDING (claimed by a node
-- until next_attempt_at), SENT, FAILED (gave up after the configured attempts).
CREATE TABLE mail_outbox (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id       VARCHAR(40)    NOT NULL,
    recipient        VARCHAR(320)   NOT NULL,
    recipient_name   VARCHAR(200),
    locale           VARCHAR(20)    NOT NULL,
    template         VARCHAR(200)   NOT NULL,
    subject          VARCHAR(1000)  NOT NULL,
    html_body        MEDIUMTEXT     NOT NULL,
    text_body        MEDIUMTEXT     NOT NULL,
    dedup_key        VARCHAR(190),
    status           VARCHAR(16)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    next_attempt_at  DATETIME(6)    NOT NULL,
    last_error       VARCHAR(1000),
    created_at       DATETIME(6)    NOT NULL,
    sent_at          DATETIME(6),
    CONSTRAINT uq_mail_outbox_dedup UNIQUE (dedup_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_created ON mail_outbox (created_at);
