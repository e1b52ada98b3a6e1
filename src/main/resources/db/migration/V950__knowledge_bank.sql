-- The knowledge bank (versions 950-959 belong to the knowledge feature): what members share with each other.
-- An item made from another feature's record names it in source ('evaluation:12', 'session:5') and is replaced
-- when that record reports again; an item added by hand has none.
CREATE TABLE knowledge_item (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id     VARCHAR(40)   NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    source         VARCHAR(100)  NULL,
    member_id      BIGINT        NULL,
    member_name    VARCHAR(200)  NULL,
    region         VARCHAR(100)  NULL,
    year           INT           NOT NULL,
    title          VARCHAR(300)  NOT NULL,
    body           TEXT          NULL,
    results        TEXT          NULL,
    link           VARCHAR(500)  NULL,
    document_id    BIGINT        NULL,
    contact_name   VARCHAR(200)  NULL,
    contact_email  VARCHAR(200)  NULL,
    shared         BOOLEAN       NOT NULL,
    public_since   DATETIME(6)   NULL,
    author         VARCHAR(200)  NOT NULL,
    created_at     DATETIME(6)   NOT NULL,
    updated_at     DATETIME(6)   NOT NULL,
    version        INT           NOT NULL DEFAULT 0,
    FULLTEXT KEY ft_knowledge_text (title, body, results)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_knowledge_network ON knowledge_item (network_id, year);
CREATE INDEX ix_knowledge_source ON knowledge_item (network_id, source);
CREATE INDEX ix_knowledge_document ON knowledge_item (document_id);

-- An item's tags: strategic goals (code = goal id), SDGs, WHO 6 Ps and theme groups (code = group id), with the
-- name they had when tagged (a goal's or group's name; SDGs and 6 Ps are named in the reader's language).
CREATE TABLE knowledge_tag (
    item_id  BIGINT        NOT NULL,
    facet    VARCHAR(20)   NOT NULL,
    code     VARCHAR(40)   NOT NULL,
    label    VARCHAR(300)  NOT NULL,
    PRIMARY KEY (item_id, facet, code),
    CONSTRAINT fk_knowledge_tag_item FOREIGN KEY (item_id) REFERENCES knowledge_item (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_knowledge_tag ON knowledge_tag (facet, code);

-- One-time sign-in links mailed to a member's contact (only the token's SHA-256 is kept), and the signed-in
-- readers (the cookie's token, hashed likewise): a contact has no account.
CREATE TABLE knowledge_sign_in (
    token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
    network_id   VARCHAR(40)   NOT NULL,
    member_id    BIGINT        NOT NULL,
    email        VARCHAR(200)  NOT NULL,
    name         VARCHAR(200)  NULL,
    expires_at   DATETIME(6)   NOT NULL,
    used_at      DATETIME(6)   NULL,
    created_at   DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE knowledge_reader (
    token_hash   CHAR(64)      NOT NULL PRIMARY KEY,
    network_id   VARCHAR(40)   NOT NULL,
    member_id    BIGINT        NOT NULL,
    email        VARCHAR(200)  NOT NULL,
    name         VARCHAR(200)  NULL,
    expires_at   DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The records the bank has heard from (an evaluation that reported nothing to keep included), so that the start of
-- an application on an existing network tells the bank only what it has not heard yet.
CREATE TABLE knowledge_source (
    source       VARCHAR(100)  NOT NULL PRIMARY KEY,
    network_id   VARCHAR(40)   NOT NULL,
    heard_at     DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
