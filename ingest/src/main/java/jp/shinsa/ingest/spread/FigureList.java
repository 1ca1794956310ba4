package jp.shinsa.ingest.spread;

import java.util.List;

/**
 * Whether a document's rows are a statement or a list of selected figures. A statement (決算書, BS実績比較)
 * prints its accounts under section headings (資産の部, 流動負債, 医業費用) and leaves out only the lines
 * that are empty, so an account it does not print counts as zero in its parent's identity. A list of
 * figures — the 決算状況入力シート asks for sixteen accounts, one per row, with no section — leaves out
 * every line it does not ask for: 短期借入金 printed beside 流動負債合計 says nothing about 買掛金, so
 * "流動負債 = 短期借入金" failing is no evidence against reading the row as 短期借入金 (it only holds when
 * the account really is the whole of its parent). The statement spreader then counts such an identity
 * when it holds and ignores it when it fails (docs/decisions/020-statement-spreading-detail.md, amended).
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
}
