-- The model registry: every trained model with what it was trained on and how it scored.
-- Only the ACTIVE model of a kind scores; each review records the version it came from.
CREATE TABLE model_version (
    id                   BIGSERIAL PRIMARY KEY,
    kind                 VARCHAR(20)  NOT NULL CHECK (kind IN ('RISK', 'PURPOSE_FIT')),
    version              VARCHAR(120) NOT NULL UNIQUE,
    algorithm            VARCHAR(120) NOT NULL,
    features             JSONB        NOT NULL DEFAULT '[]'::jsonb,
    training_data_sha256 CHAR(64)     NOT NULL,
    metrics              JSONB        NOT NULL DEFAULT '{}'::jsonb,
    trained_by           VARCHAR(64)  NOT NULL,
    trained_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    status               VARCHAR(20)  NOT NULL CHECK (status IN ('CANDIDATE', 'ACTIVE', 'RETIRED')),
    artefact             BYTEA        NOT NULL
);
CREATE UNIQUE INDEX model_version_one_active ON model_version (kind) WHERE status = 'ACTIVE';

-- Why a model's status changed (promotion, roll-back): kept for ever.
CREATE TABLE model_status_change (
    id          BIGSERIAL PRIMARY KEY,
    model_id    BIGINT      NOT NULL REFERENCES model_version (id),
    from_status VARCHAR(20),
    to_status   VARCHAR(20) NOT NULL,
    reason      TEXT        NOT NULL CHECK (length(trim(reason)) > 0),
    changed_by  VARCHAR(64) NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TRIGGER model_status_change_append_only BEFORE UPDATE OR DELETE ON model_status_change
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- Imports of training data: each import is all-or-nothing and says what it added.
CREATE TABLE import_batch (
    id          BIGSERIAL PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('PAST_GRANTS', 'PAST_APPLICANTS')),
    file_name   VARCHAR(255) NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    rows_added  INT          NOT NULL,
    imported_by VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE past_grant (
    id             VARCHAR(60)  PRIMARY KEY,
    fiscal_year    INT          NOT NULL,
    program        VARCHAR(40)  NOT NULL,
    applicant_type VARCHAR(100),
    item_name      VARCHAR(300) NOT NULL,
    spec           VARCHAR(300),
    maker          VARCHAR(200),
    quantity       BIGINT,
    unit_price     BIGINT,
    amount         BIGINT,
    decision       VARCHAR(20)  NOT NULL CHECK (decision IN ('AWARDED', 'REDUCED', 'REJECTED')),
    reason_ja      TEXT,
    import_id      BIGINT REFERENCES import_batch (id)
);

CREATE TABLE past_applicant (
    id          VARCHAR(60) PRIMARY KEY,
    fiscal_year INT         NOT NULL,
    beds        INT,
    accounts    JSONB       NOT NULL,
    distressed  SMALLINT    NOT NULL CHECK (distressed IN (0, 1)),
    import_id   BIGINT REFERENCES import_batch (id)
);
