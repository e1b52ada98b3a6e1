-- Failed staff logins, counted per user ('user:<name>') and per client address ('address:<ip>'), shared by all
-- nodes; a count that reaches its limit locks the key until locked_until. Nothing here locks a user for good.
CREATE TABLE login_throttle (
    throttle_key     VARCHAR(200) NOT NULL PRIMARY KEY,
    failures         INT          NOT NULL,
    last_failure_at  DATETIME(6)  NOT NULL,
    locked_until     DATETIME(6)  NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One-time links mailed to a locked user that end the lock at once (only the token's SHA-256 is kept).
CREATE TABLE login_unlock (
    token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    user_id     VARCHAR(128) NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    created_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
