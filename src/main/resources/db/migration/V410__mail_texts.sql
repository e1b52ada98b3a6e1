-- A network's own wording of a mail kind in one language, in place of the built-in template. Subject and body
-- are plain text with named placeholders such as {municipality}; the template is the mail kind's name.
CREATE TABLE mail_text (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id  VARCHAR(40)   NOT NULL,
    template    VARCHAR(200)  NOT NULL,
    language    VARCHAR(8)    NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        TEXT          NOT NULL,
    updated_by  VARCHAR(100)  NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_mail_text UNIQUE (network_id, template, language),
    CONSTRAINT fk_mail_text_network FOREIGN KEY (network_id) REFERENCES network (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
