package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * One account figure read from a document.
 *
 * @param account    an account code of accounts.csv
 * @param fiscalYear the 年度 by the calendar year it starts in (e.g. 2024 for 令和6年度)
 * @param value      whole yen after unit scaling (a 千円 figure × 1,000); negative where printed so
 * @param label      the row label as printed (after NFKC normalisation)
 * @param unit       the document's unit in yen (1, 1,000 or 1,000,000); comparisons use it as tolerance
 * @param confidence 0–1: how sure the extractor is of account, year and value together (for a
 *                   statement row: from its mapping evidence; below 0.5 the row's account is uncertain)
 * @param derivedFrom the printed rows this figure sums when the account itself was not printed (its
 *                    detail lines); empty for a figure printed as such. The location is then the first part's.
 */
public record Figure(String file, DocumentType documentType, String account, int fiscalYear, long value,
                     String label, long unit, double confidence, SourceLocation location, List<PrintedPart> derivedFrom) {
    public Figure {
        derivedFrom = List.copyOf(derivedFrom == null ? List.of() : derivedFrom);
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

    /** A figure printed as such (not derived from parts). */
    public Figure(String file, DocumentType documentType, String account, int fiscalYear, long value,
                  String label, long unit, double confidence, SourceLocation location) {
        this(file, documentType, account, fiscalYear, value, label, unit, confidence, location, List.of());
    }

    /** True when the figure was summed from printed detail lines. */
    public boolean derived() {
        return !derivedFrom.isEmpty();
    }

    /** The same figure with another value, as an examiner's correction would give it. */
    public Figure withValue(long newValue) {
        return new Figure(file, documentType, account, fiscalYear, newValue, label, unit, 1.0, location, derivedFrom);
    }
}
