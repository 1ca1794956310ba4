package jp.shinsa.scoring.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Figure;
import jp.shinsa.models.FindingCode;
import jp.shinsa.models.Text;

/**
 * The 増減 column of a BS実績比較 is current − prior ({@code COMPARISON_DELTA_MISMATCH}). The current
 * year is the latest year the comparison states, the prior the year before. Exact in the document's
 * unit.
 */
final class ComparisonDeltaRule {

    List<Violation> check(FigureIndex index) {
        List<Violation> out = new ArrayList<>();
        for (ExtractedDocument doc : index.documents()) {
            if (doc.type() != DocumentType.BS_COMPARISON || doc.comparisonDeltas().isEmpty()) {
                continue;
            }
            Map<FigureIndex.Key, Figure> figures = index.figures(doc.file());
            int current = figures.keySet().stream().mapToInt(FigureIndex.Key::fiscalYear).max().orElse(Integer.MIN_VALUE);
            for (ComparisonDelta d : doc.comparisonDeltas()) {
                Figure cur = figures.get(new FigureIndex.Key(d.account(), current));
                Figure prior = figures.get(new FigureIndex.Key(d.account(), current - 1));
                if (cur == null || prior == null) {
                    continue;
                }
                long expected = cur.value() - prior.value();
                long unit = Math.max(d.unit(), Math.max(cur.unit(), prior.unit()));
                if (StatementArithmeticRule.differs(d.value(), expected, unit)) {
                    out.add(violation(doc, d, cur, prior, expected));
                }
            }
        }
        return out;
    }

    static Ref ref(ComparisonDelta d, int year) {
        return new Ref(Ref.Kind.DELTA, d.file(), DocumentType.BS_COMPARISON, d.account(), year);
    }

    private static Violation violation(ExtractedDocument doc, ComparisonDelta d, Figure cur, Figure prior, long expected) {
        int year = cur.fiscalYear();
        Text msg = new Text(
                Wording.docJa(doc.type(), doc.file()) + "の「" + Wording.accountJa(d.account()) + "」の増減 "
                        + Wording.yenJa(d.value()) + "が当年度 " + Wording.yenJa(cur.value()) + " − 前年度 "
                        + Wording.yenJa(prior.value()) + " = " + Wording.yenJa(expected) + "と一致しません。",
                Wording.docEn(doc.type(), doc.file()) + ": the increase/decrease of " + Wording.accountEn(d.account())
                        + ", " + Wording.yenEn(d.value()) + ", is not current " + Wording.yenEn(cur.value())
                        + " minus prior " + Wording.yenEn(prior.value()) + " = " + Wording.yenEn(expected) + ".");
        Set<Ref> refs = new LinkedHashSet<>(List.of(ref(d, year), FigureIndex.ref(cur), FigureIndex.ref(prior)));
        return new Violation(FindingCode.COMPARISON_DELTA_MISMATCH, d.account(), year, doc.type(), doc.file(),
                expected, d.value(), msg, List.of(d.location(), cur.location(), prior.location()), refs, null);
    }
}
