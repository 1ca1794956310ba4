-- Subsidy programs are configuration: an admin adds or changes one without code.
CREATE TABLE program (
    code               VARCHAR(40)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    name_ja            VARCHAR(200) NOT NULL,
    name_en            VARCHAR(200) NOT NULL,
    rate_numerator     INT          NOT NULL CHECK (rate_numerator > 0),
    rate_denominator   INT          NOT NULL CHECK (rate_denominator >= rate_numerator),
    cap_yen            BIGINT       NOT NULL CHECK (cap_yen >= 0),
    purpose_ja         TEXT         NOT NULL,
    purpose_en         TEXT         NOT NULL,
    required_documents VARCHAR(30)[] NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
