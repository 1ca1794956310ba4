package jp.shinsa.review.mapping;

import java.util.Objects;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.RowMapping;

/**
 * What an examiner says a row is: the account's figure (ACCOUNT), part of an account (PART_OF), or
 * no account at all (IGNORED), with a reason (required, as for figure corrections).
 *
 * @param rowIndex the row's {@link jp.shinsa.models.StatementRow#index()} in {@code file}
 * @param account  an account code of accounts.csv; null for IGNORED
 */
public record RowMappingRequest(String file, int rowIndex, RowMapping.Kind kind, String account, String reason) {
    public RowMappingRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        validate(kind, account, reason);
    }

    static void validate(RowMapping.Kind kind, String account, String reason) {
        if (kind == RowMapping.Kind.UNMAPPED) {
            throw new IllegalArgumentException("a row mapping maps the row (account, part of an account, or no account)");
        }
        if (kind == RowMapping.Kind.IGNORED ? account != null : account == null) {
            throw new IllegalArgumentException(kind + (account == null ? " needs an account" : " takes no account"));
        }
        if (account != null && Catalogs.account(account).isEmpty()) {
            throw new IllegalArgumentException("no account " + account + " in accounts.csv");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a row mapping needs a reason");
        }
    }
}
