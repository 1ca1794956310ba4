package jp.shinsa.ingest;

import java.util.List;
import java.util.regex.Pattern;

import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.DocumentType;

/**
 * Classifies a document by what it says, never by its file name. Rules are ordered keyword sets
 * tried first on the title region (the first lines, where every one of these documents names
 * itself) and then on the whole text, so that a quote mentioning a 申請書 or a form quoting a
 * 見積 still lands right.
 */
public final class DocumentClassifier {
    private record Rule(DocumentType type, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(DocumentType.BS_COMPARISON, Pattern.compile("BS実績比較|貸借対照表実績比較|貸借対照表比較|B/S比較|比較貸借対照表")),
            new Rule(DocumentType.INPUT_SHEET, Pattern.compile("決算状況入力シート|入力シート|決算状況調書|財務状況入力|決算状況入力表|決算状況表|財務状況表|決算数値入力")),
            new Rule(DocumentType.APPLICATION_FORM, Pattern.compile("交付申請書|所要額調書|補助所要額|補助事業名|補助金所要額")),
            new Rule(DocumentType.QUOTE, Pattern.compile("御見積書|見積書|御見積|見積金額|お見積")),
            new Rule(DocumentType.FINANCIAL_STATEMENTS, Pattern.compile("貸借対照表|損益計算書|正味財産増減計算書|財務諸表|事業活動計算書")),
            new Rule(DocumentType.CATALOG, Pattern.compile("カタログ|主な特長|特長|仕様|型式|製品概要|スペック")));

    public DocumentType classify(String text) {
        String all = JapaneseText.compact(text);
        if (all.isEmpty()) {
            return DocumentType.OTHER;
        }
        String title = all.substring(0, Math.min(all.length(), 80));
        // the document's own name comes first: the earliest title word wins
        Rule first = null;
        int firstAt = Integer.MAX_VALUE;
        for (Rule r : RULES) {
            var m = r.pattern().matcher(title);
            if (m.find() && m.start() < firstAt && r.type() != DocumentType.CATALOG) {
                first = r;
                firstAt = m.start();
            }
        }
        if (first != null) {
            return refine(first.type(), all);
        }
        // Content signs when no title names the document.
        if (all.contains("増減") && all.contains("前年度") && all.contains("資産") && !all.contains("損益")) {
            return DocumentType.BS_COMPARISON;
        }
        if (all.contains("記入者") && countYears(all) >= 3) {
            return DocumentType.INPUT_SHEET;
        }
        for (Rule r : RULES) {
            if (r.pattern().matcher(all).find()) {
                return refine(r.type(), all);
            }
        }
        if ((all.contains("資産の部") || all.contains("負債の部")) && all.contains("合計")) {
            return DocumentType.FINANCIAL_STATEMENTS;
        }
        return DocumentType.OTHER;
    }

    private static DocumentType refine(DocumentType t, String all) {
        if (t == DocumentType.FINANCIAL_STATEMENTS && all.contains("増減") && !all.contains("損益")) {
            return DocumentType.BS_COMPARISON;
        }
        return t;
    }

    private static int countYears(String s) {
        var m = Pattern.compile("(令和|平成)\\d{1,2}年度|20\\d{2}年度").matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
