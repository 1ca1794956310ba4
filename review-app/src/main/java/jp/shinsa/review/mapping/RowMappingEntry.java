package jp.shinsa.review.mapping;

import java.time.OffsetDateTime;
import java.util.Objects;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.RowMapping;

/**
 * One examiner's mapping of one printed row of an application's statement, kept beside what the
 * reader made of it ({@code fromKind}, {@code fromAccount}). The row is file + {@code rowIndex}
 * ({@link jp.shinsa.models.StatementRow#index()}); a later entry for the same row supersedes this one.
 *
 * @param account the account code of accounts.csv; null only for IGNORED
 */
public record RowMappingEntry(long id, long applicationId, String file, int rowIndex, String label, String wordingKey,
                              DocumentType documentType, RowMapping.Kind fromKind, String fromAccount,
                              RowMapping.Kind kind, String account, String reason, String mappedBy,
                              OffsetDateTime mappedAt, Long supersedes) {
    public RowMappingEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(wordingKey, "wordingKey");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(fromKind, "fromKind");
        Objects.requireNonNull(kind, "kind");
        RowMappingRequest.validate(kind, account, reason);
    }
}
