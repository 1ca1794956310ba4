package jp.shinsa.models;

import java.util.Objects;

/**
 * One account figure read from a document.
 *
 * @param account    an account code of accounts.csv
 * @param fiscalYear the 年度 by the calendar year it starts in (e.g. 2024 for 令和6年度)
 * @param value      whole yen after unit scaling (a 千円 figure × 1,000); negative where printed so
 * @param label      the row label as printed (after NFKC normalisation)
 * @param unit       the document's unit in yen (1, 1,000 or 1,000,000); comparisons use it as tolerance
 * @param confidence 0–1: how sure the extractor is of account, year and value together
 */
public record Figure(String file, DocumentType documentType, String account, int fiscalYear, long value,
                     String label, long unit, double confidence, SourceLocation location) {
    public Figure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        label = label == null ? "" : label;
        if (unit < 1) {
            throw new IllegalArgumentException("unit must be ≥ 1 yen: " + unit);
        }
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must lie in [0,1]: " + confidence);
        }
    }

    /** The same figure with another value, as an examiner's correction would give it. */
    public Figure withValue(long newValue) {
        return new Figure(file, documentType, account, fiscalYear, newValue, label, unit, 1.0, location);
    }
}
