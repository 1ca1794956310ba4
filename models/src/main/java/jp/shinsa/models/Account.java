package jp.shinsa.models;

import java.util.Objects;

/**
 * An account of accounts.csv.
 *
 * @param statement "BS" or "PL"
 * @param parent    the code of the subtotal this account adds into, or null for a top line or a memo
 * @param sign      +1 or −1: how the account enters its parent; 0 when it has no parent
 */
public record Account(String code, String statement, String parent, int sign, String labelJa, String labelEn) {
    public Account {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(labelJa, "labelJa");
        Objects.requireNonNull(labelEn, "labelEn");
    }

    public boolean isBalanceSheet() {
        return "BS".equals(statement);
    }
}
