package jp.shinsa.models;

/** The stable codes of findings.md with their severities. */
public enum FindingCode {
    BS_IMBALANCE(Severity.ERROR),
    SUBTOTAL_MISMATCH(Severity.ERROR),
    PL_CASCADE_MISMATCH(Severity.ERROR),
    NET_ASSETS_CONTINUITY(Severity.WARNING),
    INPUT_SHEET_MISMATCH(Severity.ERROR),
    BS_COMPARISON_MISMATCH(Severity.ERROR),
    COMPARISON_DELTA_MISMATCH(Severity.ERROR),
    ITEM_AMOUNT_MISMATCH(Severity.ERROR),
    ITEM_TOTAL_MISMATCH(Severity.ERROR),
    SUBSIDY_CALC_MISMATCH(Severity.ERROR),
    QUOTE_PRICE_MISMATCH(Severity.ERROR),
    UNIT_PRICE_OUTLIER(Severity.WARNING),
    MISSING_DOCUMENT(Severity.ERROR),
    UNREADABLE_DOCUMENT(Severity.ERROR),
    /** Rows of a statement that were printed with a number but mapped to no account (one per document). */
    UNMAPPED_ROWS(Severity.INFO),
    /**
     * A check could not be trusted because a figure it rests on comes from a row whose account is
     * uncertain: "confirm this row's account", with the candidates. Never an alarm by itself.
     */
    ROW_ACCOUNT_UNCERTAIN(Severity.INFO);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
