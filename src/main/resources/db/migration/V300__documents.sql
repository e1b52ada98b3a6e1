-- Uploaded documents (versions 300-399 belong to the documents feature).
CREATE TABLE document (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id      VARCHAR(40)   NOT NULL,
    owner_type      VARCHAR(40)   NOT NULL,
    owner_id        VARCHAR(64)   NOT NULL,
    filename        VARCHAR(255)  NOT NULL,
    media_type      VARCHAR(150)  NOT NULL,
    size            BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    language        VARCHAR(10),
    extracted_text  LONGTEXT,
    content         LONGBLOB      NOT NULL,
    uploaded_at     DATETIME(6)   NOT NULL,
    FULLTEXT KEY ft_document_text (extracted_text)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_document_owner ON document (owner_type, owner_id);
CREATE INDEX ix_document_network ON document (network_id);
