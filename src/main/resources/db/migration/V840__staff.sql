-- Staff accounts beside Camunda's identity service, which keeps the users, passwords, groups and networks
-- (tenants): who invited a person, and whether the account is switched off.
CREATE TABLE staff_account (
    user_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    invited_by       VARCHAR(64)  NULL,
    invited_at       DATETIME(6)  NULL,
    deactivated_by   VARCHAR(64)  NULL,
    deactivated_at   DATETIME(6)  NULL,
    version          INT          NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links that let a person set a password: an invitation (72 hours) or a reset (1 hour).
-- Only the SHA-256 of the token is kept.
CREATE TABLE staff_link (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    purpose     VARCHAR(16)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT uq_staff_link_token UNIQUE (token_hash),
    INDEX ix_staff_link_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
