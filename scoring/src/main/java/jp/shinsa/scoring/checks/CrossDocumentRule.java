package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.SourceLocation;
import jp.shinsa.models.Text;

/**
 * The same account and year stated in two documents must agree: input sheet vs statements
 * ({@code INPUT_SHEET_MISMATCH}), comparison vs statements, and comparison vs input sheet
 * ({@code BS_COMPARISON_MISMATCH}). Every disagreeing pair of documents is one violation, so with three
 * documents the odd one out takes part in two and is blamed by the root-cause grouping; which code
 * a pair becomes depends on the side that is blamed ({@link #describe}).
 *
 * <p>Tolerance: a document in 千円 is rounded, so two figures agree when they differ by less than the
 * sum of the units of the rounded ones ({@link #differs}).
 */
final class CrossDocumentRule {

    List<Violation> check(FigureIndex index) {
        List<Violation> out = new ArrayList<>();
        for (FigureIndex.Key key : index.keys()) {
            List<Figure> figures = index.all(key.account(), key.fiscalYear());
            for (int i = 0; i < figures.size(); i++) {
                for (int j = i + 1; j < figures.size(); j++) {
                    Figure a = figures.get(i);
                    Figure b = figures.get(j);
                    if (a.documentType() == b.documentType()) {
                        // two files of one type (a BS file and a PL file) are one document
                        continue;
                    }
                    if (differs(a, b)) {
                        Set<Ref> refs = new LinkedHashSet<>(List.of(FigureIndex.ref(a), FigureIndex.ref(b)));
                        out.add(new Violation(FindingCode.INPUT_SHEET_MISMATCH, key.account(), key.fiscalYear(), null,
                                null, a.value(), b.value(), new Text("", ""), List.of(a.location(), b.location()),
                                refs, List.of(a, b)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Each rounded figure lies within less than its unit of the yen value both documents were made
     * from, so two figures are apart beyond rounding when they differ by at least the sum of the
     * units of the rounded ones: 1,000 yen between 千円 and 円, 2,000 yen (one printed unit is still
     * rounding) between two 千円 documents, 1 yen between two yen documents.
     */
    static boolean differs(Figure a, Figure b) {
        return differs(a.value(), a.unit(), b.value(), b.unit());
    }

    /** {@link #differs(Figure, Figure)} for two amounts and the units of the documents they were read from. */
    static boolean differs(long a, long unitA, long b, long unitB) {
        long tolerance = (unitA > 1 ? unitA : 0) + (unitB > 1 ? unitB : 0);
        return Math.abs(a - b) >= Math.max(tolerance, 1);
    }

    /** The finding a disagreeing pair becomes once {@code flagged} is known to be the doubtful side. */
    static Violation describe(Violation pair, Figure flagged) {
        Figure other = pair.pair().get(0).equals(flagged) ? pair.pair().get(1) : pair.pair().get(0);
        DocumentType named = flagged.documentType() == DocumentType.FINANCIAL_STATEMENTS ? other.documentType()
                : flagged.documentType();
        FindingCode code = named == DocumentType.INPUT_SHEET ? FindingCode.INPUT_SHEET_MISMATCH
                : FindingCode.BS_COMPARISON_MISMATCH;
        long diff = flagged.value() - other.value();
        String account = flagged.account();
        int year = flagged.fiscalYear();
        Text msg = new Text(
                Wording.docJa(flagged.documentType(), flagged.file()) + "の" + Wording.yearJa(year) + "「"
                        + Wording.accountJa(account) + "」" + Wording.yenJa(flagged.value()) + "が"
                        + Wording.docJa(other.documentType(), other.file()) + "の " + Wording.yenJa(other.value())
                        + "と異なります（差額 " + Wording.yenJa(diff) + "）。",
                Wording.docEn(flagged.documentType(), flagged.file()) + ", " + Wording.yearEn(year) + ": "
                        + Wording.accountEn(account) + " " + Wording.yenEn(flagged.value()) + " differs from "
                        + Wording.yenEn(other.value()) + " in the " + Wording.docEn(other.documentType(), other.file())
                        + " (difference " + Wording.yenEn(diff) + ").");
        List<SourceLocation> evidence = List.of(flagged.location(), other.location());
        return new Violation(code, account, year, flagged.documentType(), flagged.file(), other.value(),
                flagged.value(), msg, evidence, pair.refs(), null);
    }
}
