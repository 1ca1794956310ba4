package jp.shinsa.scoring.checks;

import java.util.List;
import java.util.Set;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.Text;

/**
 * A failed check over figures before root causes are known.
 *
 * @param refs     every stated number the check used; one of them is wrong
 * @param pair     for a comparison of the same account and year across two documents, the two
 *                 figures (its code and flagged side are decided once the culprit is known); else null
 */
record Violation(FindingCode code, String account, Integer fiscalYear, DocumentType documentType, String file,
                 Long expected, Long actual, Text message, List<SourceLocation> evidence, Set<Ref> refs,
                 List<Figure> pair) {
    boolean isPair() {
        return pair != null;
    }

    /** A check of one document's own arithmetic (balance, subtotal, PL line). */
    boolean isInternal() {
        return code == FindingCode.BS_IMBALANCE || code == FindingCode.SUBTOTAL_MISMATCH
                || code == FindingCode.PL_CASCADE_MISMATCH;
    }
}
