-- The network's domain. Versions 100-199 belong to the network feature; each feature owns a range.
CREATE TABLE network (
    id                 VARCHAR(40)  NOT NULL PRIMARY KEY,   -- also the Camunda tenant id
    name               VARCHAR(200) NOT NULL,
    language           VARCHAR(5)   NOT NULL,
    country            VARCHAR(2)   NOT NULL,
    currency           VARCHAR(3)   NOT NULL,
    secretariat_name   VARCHAR(200),
    secretariat_email  VARCHAR(200),
    secretariat_phone  VARCHAR(40),
    website            VARCHAR(300),
    version            INT          NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE strategy (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id   VARCHAR(40)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    first_year   INT          NOT NULL,
    last_year    INT          NOT NULL,
    description  TEXT,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_strategy_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT ck_strategy_period CHECK (last_year >= first_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A strategic goal ("pejlemærke", "indsatsområde"); sub-lines point to their goal through parent_id.
CREATE TABLE strategic_goal (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    strategy_id  BIGINT        NOT NULL,
    parent_id    BIGINT,
    position     INT           NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    description  TEXT,
    version      INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_goal_strategy FOREIGN KEY (strategy_id) REFERENCES strategy (id),
    CONSTRAINT fk_goal_parent FOREIGN KEY (parent_id) REFERENCES strategic_goal (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tag sets shared by all networks: the UN's 17 SDGs and WHO's 6 Ps.
CREATE TABLE tag (
    tag_set   VARCHAR(10)  NOT NULL,
    code      VARCHAR(20)  NOT NULL,
    position  INT          NOT NULL,
    name_da   VARCHAR(200) NOT NULL,
    name_en   VARCHAR(200) NOT NULL,
    name_sv   VARCHAR(200),
    name_nb   VARCHAR(200),
    PRIMARY KEY (tag_set, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who may become a member: a country's municipalities and regions with their official codes.
CREATE TABLE possible_member (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id   VARCHAR(40)  NOT NULL,
    code         VARCHAR(20)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    region_code  VARCHAR(20),
    population   INT,
    CONSTRAINT fk_possible_member_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uq_possible_member UNIQUE (network_id, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE theme_group (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id   VARCHAR(40)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    description  TEXT,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    version      INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_theme_group_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uq_theme_group UNIQUE (network_id, name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE member (
    id                       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network_id               VARCHAR(40)  NOT NULL,
    code                     VARCHAR(20)  NOT NULL,
    name                     VARCHAR(200) NOT NULL,
    kind                     VARCHAR(20)  NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    joined_on                DATE,
    resigned_on              DATE,
    population               INT,
    yearly_fee               DECIMAL(12, 2),
    political_contact_name   VARCHAR(200),
    political_contact_email  VARCHAR(200),
    political_contact_phone  VARCHAR(40),
    admin_contact_name       VARCHAR(200),
    admin_contact_email      VARCHAR(200),
    admin_contact_phone      VARCHAR(40),
    coordinator_name         VARCHAR(200),
    coordinator_email        VARCHAR(200),
    coordinator_phone        VARCHAR(40),
    created_at               DATETIME(6)  NOT NULL,
    updated_at               DATETIME(6)  NOT NULL,
    version                  INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_member_network FOREIGN KEY (network_id) REFERENCES network (id),
    CONSTRAINT uq_member UNIQUE (network_id, code),
    CONSTRAINT ck_member_population CHECK (population IS NULL OR population >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_member_name ON member (network_id, name);
CREATE INDEX ix_member_status ON member (network_id, status);

CREATE TABLE member_theme_group (
    member_id       BIGINT NOT NULL,
    theme_group_id  BIGINT NOT NULL,
    PRIMARY KEY (member_id, theme_group_id),
    CONSTRAINT fk_mtg_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT fk_mtg_theme_group FOREIGN KEY (theme_group_id) REFERENCES theme_group (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
