-- "Not found" answers on private-link paths per client address, in the database so that all nodes share the
-- count (n nodes no longer allow n times the limit): a window opens at the first miss and counts until it ends.
CREATE TABLE guess_limit (
    address       VARCHAR(64) NOT NULL PRIMARY KEY,
    failures      INT         NOT NULL,
    window_start  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
