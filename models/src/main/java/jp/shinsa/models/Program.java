package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * A subsidy program of programs.csv (or of the workbench's configuration).
 *
 * @param rateNumerator   numerator of the 補助率 (1 for "1/2")
 * @param rateDenominator denominator of the 補助率 (2 for "1/2")
 * @param capYen          補助基準額 in yen
 * @param requiredDocuments the document types an application to this program must contain
 */
public record Program(String code, String nameJa, String nameEn, int rateNumerator, int rateDenominator,
                      long capYen, String purposeJa, String purposeEn, List<DocumentType> requiredDocuments) {
    /** The documents findings.md names as required unless a program says otherwise. */
    public static final List<DocumentType> DEFAULT_REQUIRED = List.of(DocumentType.FINANCIAL_STATEMENTS,
            DocumentType.INPUT_SHEET, DocumentType.APPLICATION_FORM, DocumentType.QUOTE);

    public Program {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameJa, "nameJa");
        requiredDocuments = List.copyOf(requiredDocuments == null ? DEFAULT_REQUIRED : requiredDocuments);
        if (rateNumerator <= 0 || rateDenominator <= 0 || rateNumerator > rateDenominator) {
            throw new IllegalArgumentException("rate must be a fraction in (0,1]: " + rateNumerator + "/" + rateDenominator);
        }
        if (capYen < 0) {
            throw new IllegalArgumentException("cap must be ≥ 0: " + capYen);
        }
    }

    public String rate() {
        return rateNumerator + "/" + rateDenominator;
    }

    /** 補助所要額 = floor(min(total, cap) × rate / 1000) × 1000. */
    public long subsidyFor(long total) {
        long base = Math.min(total, capYen);
        long raw = Math.floorDiv(base * rateNumerator, rateDenominator);
        return Math.floorDiv(raw, 1000) * 1000;
    }
}
