-- Shinsa initial schema: users, applications with their files and review, decisions, audit log.

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(200) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT app_user_username_chk CHECK (username ~ '^[A-Za-z0-9._-]{2,64}$')
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL CHECK (role IN ('EXAMINER', 'SUPERVISOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- status: RECEIVED (files stored) → PROCESSING → REVIEWED (first pass done) → DECIDED; FAILED with a reason.
CREATE TABLE application (
    id               BIGSERIAL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    program          VARCHAR(40),
    applicant        VARCHAR(400),
    requested_amount BIGINT,
    status           VARCHAR(20)  NOT NULL DEFAULT 'RECEIVED'
        CHECK (status IN ('RECEIVED', 'PROCESSING', 'REVIEWED', 'DECIDED', 'FAILED')),
    failure_reason   TEXT,
    error_count      INT          NOT NULL DEFAULT 0,
    warning_count    INT          NOT NULL DEFAULT 0,
    risk_score       DOUBLE PRECISION,
    risk_band        VARCHAR(10),
    min_fit          DOUBLE PRECISION,
    flagged          BOOLEAN      NOT NULL DEFAULT FALSE,
    assignee         VARCHAR(64),
    decision         VARCHAR(30),
    review_json      JSONB,
    created_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version          INT          NOT NULL DEFAULT 0
);
CREATE INDEX application_queue_idx ON application (flagged DESC, created_at DESC);
CREATE INDEX application_status_idx ON application (status);

-- Uploaded files are kept in the database (never in anything served), with their hash.
CREATE TABLE application_file (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT       NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(200),
    size_bytes     BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        BYTEA        NOT NULL,
    UNIQUE (application_id, file_name)
);

CREATE TABLE conflict_declaration (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT      NOT NULL REFERENCES application (id),
    username       VARCHAR(64) NOT NULL,
    reason         TEXT        NOT NULL,
    declared_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (application_id, username)
);

-- Decisions are never updated or deleted: a new decision supersedes the previous one.
CREATE TABLE decision (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT      NOT NULL REFERENCES application (id),
    outcome        VARCHAR(30) NOT NULL
        CHECK (outcome IN ('APPROVE', 'APPROVE_WITH_CONDITIONS', 'RETURN_FOR_CORRECTION', 'REJECT')),
    comment        TEXT,
    departs_from_ai BOOLEAN    NOT NULL,
    decided_by     VARCHAR(64) NOT NULL,
    decided_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    model_versions JSONB       NOT NULL,
    review_snapshot JSONB      NOT NULL,
    CONSTRAINT decision_comment_chk CHECK (NOT departs_from_ai OR length(coalesce(trim(comment), '')) > 0)
);
CREATE INDEX decision_application_idx ON decision (application_id, decided_at);

-- Append-only audit log (UPDATE and DELETE are refused by the trigger below).
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    actor          VARCHAR(64) NOT NULL,
    action         VARCHAR(60) NOT NULL,
    application_id BIGINT,
    detail         JSONB       NOT NULL DEFAULT '{}'::jsonb,
    -- Tamper evidence: each entry's hash covers its content and the previous entry's hash.
    prev_hash      CHAR(64)    NOT NULL,
    hash           CHAR(64)    NOT NULL UNIQUE
);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at);
CREATE INDEX audit_event_application_idx ON audit_event (application_id, at);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is not allowed: the table is append-only', TG_OP, TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
