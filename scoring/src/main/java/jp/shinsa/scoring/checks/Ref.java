package jp.shinsa.scoring.checks;

import jp.shinsa.models.DocumentType;

/**
 * Identity of one stated number that a check compared: a figure, an 増減 value of a comparison, or
 * a number of the application form. Root-cause grouping counts how many failed checks each one is
 * part of.
 */
record Ref(Kind kind, String file, DocumentType documentType, String account, int fiscalYear) {
    enum Kind { FIGURE, DELTA }

    /** Who is blamed first when the evidence is even: the statements are the reference (findings.md). */
    int blamePriority() {
        if (kind == Kind.DELTA) {
            return 0;
        }
        return switch (documentType) {
            case BS_COMPARISON -> 1;
            case INPUT_SHEET -> 2;
            case FINANCIAL_STATEMENTS -> 4;
            default -> 3;
        };
    }
}
