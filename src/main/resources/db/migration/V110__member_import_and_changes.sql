-- A member's history of changes: who changed which field when, before and after (edit page, import, by hand).
CREATE TABLE member_change (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    member_id     BIGINT        NOT NULL,
    changed_at    DATETIME(6)   NOT NULL,
    changed_by    VARCHAR(255),
    source        VARCHAR(20)   NOT NULL,
    property      VARCHAR(40)   NOT NULL,
    before_value  VARCHAR(1000),
    after_value   VARCHAR(1000),
    CONSTRAINT fk_member_change_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_member_change ON member_change (member_id, changed_at);

-- An uploaded member list between its preview and the secretariat's confirmation (then written all at once).
CREATE TABLE member_import (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id    VARCHAR(40)   NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    content       MEDIUMBLOB    NOT NULL,
    uploaded_by   VARCHAR(255)  NOT NULL,
    uploaded_at   DATETIME(6)   NOT NULL,
    committed_at  DATETIME(6),
    CONSTRAINT fk_member_import_network FOREIGN KEY (network_id) REFERENCES network (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
