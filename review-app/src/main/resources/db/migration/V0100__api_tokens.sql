-- API tokens for upstream systems (e.g. an electronic application portal). Only the SHA-256 of a
-- token is kept: the token itself is shown once, when it is created. A token is revoked, never deleted,
-- so the audit log's actors stay resolvable.
CREATE TABLE api_token (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(40)  NOT NULL UNIQUE,
    token_sha256 CHAR(64)    NOT NULL UNIQUE,
    role        VARCHAR(20)  NOT NULL CHECK (role IN ('EXAMINER', 'SUPERVISOR', 'ADMIN')),
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ,
    CONSTRAINT api_token_name_chk CHECK (name ~ '^[A-Za-z0-9._-]{2,40}$')
);
