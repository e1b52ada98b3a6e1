-- Server secrets made by the application itself when configuration gives none (versions 800-899: security/privacy).
-- The join-code key lives here, never in the repository: the first node to start writes it, all nodes read it.
CREATE TABLE security_secret (
    name        VARCHAR(60)   NOT NULL PRIMARY KEY,
    value       VARCHAR(200)  NOT NULL,
    created_at  DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
