package jp.shinsa.ingest.spread;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a document's rows are a statement or a list of selected figures. A statement (決算書, BS実績比較)
 * prints its accounts under section headings (資産の部, 流動負債, 医業費用) and leaves out only the lines
 * that are empty, so an account it does not print counts as zero in its parent's identity. A list of
 * figures — the 決算状況入力シート asks for sixteen accounts, one per row, with no section — leaves out
 * every line it does not ask for: 短期借入金 printed beside 流動負債合計 says nothing about 買掛金, so
 * "流動負債 = 短期借入金" failing is no evidence against reading the row as 短期借入金 (it only holds when
 * the account really is the whole of its parent). The statement spreader then counts such an identity
 * when it holds and ignores it when it fails (docs/decisions/020-statement-spreading-detail.md, amended).
 * <p>A line counts as left out only when no row of the list may be read as it: a row the search maps
 * elsewhere or to nothing still counts as zero, so that unmapping a row never dodges a failing identity.
 * "May be read as it" means on evidence worth a figure by itself (a score of at least
 * {@link StatementSpreader#PRIOR_FLOOR}): 医業収益合計 faintly resembling 医業外収益 does not make the list
 * print 医業外収益, so 経常利益 = 医業利益 + 医業外収益 − 医業外費用 failing on a sheet that asks for neither
 * says nothing against the row read as 経常利益.
 */
final class FigureList {

    private FigureList() {
    }

    /** True when no value row stands in a section: nothing in the document says that its lines are complete. */
    static boolean isSelection(List<StatementSpreader.Item> items) {
        for (StatementSpreader.Item it : items) {
            if (!it.sectionPath.isEmpty()) {
                return false;
            }
        }
        return !items.isEmpty();
    }

    /** On a list of figures, every account some row may be read as (or be a part of); null on a statement. */
    static Set<String> offered(List<StatementSpreader.Item> items) {
        if (!isSelection(items)) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (StatementSpreader.Item it : items) {
            for (StatementSpreader.Option o : it.options) {
                if (o.account() != null && o.score() >= StatementSpreader.PRIOR_FLOOR) {
                    out.add(o.account());
                }
            }
        }
        return out;
    }

    /** True when {@code offered} is a list's and it cannot print one of {@code children}: a failing sum is no evidence. */
    static boolean leavesOut(Set<String> offered, List<String> children) {
        if (offered == null) {
            return false;
        }
        for (String c : children) {
            if (!offered.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
