package jp.shinsa.models;

import java.util.Objects;

/**
 * A row wording an examiner mapped to an account, applied to later applications of the same wording.
 *
 * @param wording      the wording key of the label ({@code LearnedMappings.wordingKey} in ingest)
 * @param documentType the kind of document the wording was taught on; null for any statement
 * @param kind         ACCOUNT or PART_OF (IGNORED: the row carries no account)
 * @param account      the account code; null only for IGNORED
 */
public record TaughtMapping(String wording, DocumentType documentType, RowMapping.Kind kind, String account) {
    public TaughtMapping {
        Objects.requireNonNull(wording, "wording");
        Objects.requireNonNull(kind, "kind");
        if (kind == RowMapping.Kind.UNMAPPED) {
            throw new IllegalArgumentException("a taught mapping maps the row");
        }
        if (kind != RowMapping.Kind.IGNORED && account == null) {
            throw new IllegalArgumentException(kind + " needs an account");
        }
    }
}
