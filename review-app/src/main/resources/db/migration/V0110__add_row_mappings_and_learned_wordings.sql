-- Examiners teach the statement reader (issue 13, docs/decisions/014-row-mappings-and-learned-wordings.md).
--
-- row_mapping: what an examiner said one printed row of one application's statement is. Kept like
-- corrections: append-only; a later mapping of the same row (application, file, row_index) supersedes
-- the earlier one, and both stay.
--
-- learned_mapping: a wording (its key, LearnedMappings.wordingKey) taught on a kind of document,
-- applied to later applications. At most one active mapping per wording and document type; retiring
-- it (who, when, why) is the only change allowed, and it is never deleted.

CREATE TABLE row_mapping (
    id             BIGSERIAL PRIMARY KEY,
    application_id BIGINT       NOT NULL REFERENCES application (id),
    file           VARCHAR(255) NOT NULL,
    row_index      INT          NOT NULL CHECK (row_index >= 0),
    label          TEXT         NOT NULL,
    wording_key    TEXT         NOT NULL CHECK (length(wording_key) > 0),
    document_type  VARCHAR(30)  NOT NULL CHECK (document_type IN ('FINANCIAL_STATEMENTS', 'INPUT_SHEET', 'BS_COMPARISON')),
    from_kind      VARCHAR(10)  NOT NULL CHECK (from_kind IN ('ACCOUNT', 'PART_OF', 'UNMAPPED', 'IGNORED')),
    from_account   VARCHAR(60),
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('ACCOUNT', 'PART_OF', 'IGNORED')),
    account        VARCHAR(60),
    reason         TEXT         NOT NULL CHECK (length(trim(reason)) > 0),
    mapped_by      VARCHAR(64)  NOT NULL,
    mapped_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    supersedes     BIGINT REFERENCES row_mapping (id),
    CONSTRAINT row_mapping_account_chk CHECK ((kind = 'IGNORED') = (account IS NULL))
);
CREATE INDEX row_mapping_application_idx ON row_mapping (application_id, file, row_index, id);
CREATE TRIGGER row_mapping_append_only BEFORE UPDATE OR DELETE ON row_mapping
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

CREATE TABLE learned_mapping (
    id             BIGSERIAL PRIMARY KEY,
    wording_key    TEXT         NOT NULL CHECK (length(wording_key) > 0),
    label          TEXT         NOT NULL,
    document_type  VARCHAR(30)  NOT NULL CHECK (document_type IN ('FINANCIAL_STATEMENTS', 'INPUT_SHEET', 'BS_COMPARISON')),
    kind           VARCHAR(10)  NOT NULL CHECK (kind IN ('ACCOUNT', 'PART_OF', 'IGNORED')),
    account        VARCHAR(60),
    taught_by      VARCHAR(64)  NOT NULL,
    taught_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    application_id BIGINT       NOT NULL REFERENCES application (id),
    row_mapping_id BIGINT       NOT NULL REFERENCES row_mapping (id),
    retired_by     VARCHAR(64),
    retired_at     TIMESTAMPTZ,
    retired_reason TEXT,
    CONSTRAINT learned_mapping_account_chk CHECK ((kind = 'IGNORED') = (account IS NULL)),
    CONSTRAINT learned_mapping_retired_chk CHECK (
        (retired_at IS NULL AND retired_by IS NULL AND retired_reason IS NULL)
        OR (retired_at IS NOT NULL AND retired_by IS NOT NULL AND length(trim(retired_reason)) > 0))
);
CREATE UNIQUE INDEX learned_mapping_one_active_idx ON learned_mapping (wording_key, document_type)
    WHERE retired_at IS NULL;

-- Only retiring an active mapping is allowed; nothing else about a taught wording ever changes.
CREATE FUNCTION learned_mapping_only_retire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'DELETE on learned_mapping is not allowed: retire the mapping instead';
    END IF;
    IF OLD.retired_at IS NOT NULL
        OR NEW.retired_at IS NULL
        OR (NEW.id, NEW.wording_key, NEW.label, NEW.document_type, NEW.kind, NEW.account, NEW.taught_by,
            NEW.taught_at, NEW.application_id, NEW.row_mapping_id)
           IS DISTINCT FROM
           (OLD.id, OLD.wording_key, OLD.label, OLD.document_type, OLD.kind, OLD.account, OLD.taught_by,
            OLD.taught_at, OLD.application_id, OLD.row_mapping_id) THEN
        RAISE EXCEPTION 'a learned mapping can only be retired, once';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER learned_mapping_retire_only BEFORE UPDATE OR DELETE ON learned_mapping
    FOR EACH ROW EXECUTE FUNCTION learned_mapping_only_retire();
