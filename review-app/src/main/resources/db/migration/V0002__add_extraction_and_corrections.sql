-- What was read from the files (kept so a correction can re-run the checks and scores without re-reading),
-- and the examiners' corrections of extracted figures and items: both the original and the correction are kept.

ALTER TABLE application ADD COLUMN extraction_json JSONB;

CREATE TABLE correction (
    id              BIGSERIAL PRIMARY KEY,
    application_id  BIGINT      NOT NULL REFERENCES application (id),
    kind            VARCHAR(10) NOT NULL CHECK (kind IN ('FIGURE', 'ITEM')),
    file            VARCHAR(255) NOT NULL,
    account         VARCHAR(60),
    fiscal_year     INT,
    item_no         INT,
    field           VARCHAR(30) NOT NULL,
    original_value  TEXT,
    corrected_value TEXT        NOT NULL,
    reason          TEXT        NOT NULL CHECK (length(trim(reason)) > 0),
    corrected_by    VARCHAR(64) NOT NULL,
    corrected_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT correction_target_chk CHECK (
        (kind = 'FIGURE' AND account IS NOT NULL AND fiscal_year IS NOT NULL)
        OR (kind = 'ITEM' AND item_no IS NOT NULL))
);
CREATE INDEX correction_application_idx ON correction (application_id, id);
CREATE TRIGGER correction_append_only BEFORE UPDATE OR DELETE ON correction
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- What the first pass suggests (see AiSuggestion), kept with the application and with each decision.
ALTER TABLE application ADD COLUMN ai_suggestion VARCHAR(30);
ALTER TABLE decision ADD COLUMN ai_suggestion VARCHAR(30);
