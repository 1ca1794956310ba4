package jp.shinsa.ingest.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.RequestedItem;
import jp.shinsa.models.SourceLocation;

/**
 * The item table of an application form or a quote (part of {@link FormExtractor}): columns found by their
 * header words, cells placed by horizontal overlap, or by order where a line has no header above it.
 */
final class ItemTable {

    enum Col { NO, NAME, SPEC, MAKER, QTY, UNIT_PRICE, AMOUNT, PURPOSE, OTHER }

    private ItemTable() {
    }

    static List<RequestedItem> items(DocumentLayout layout) {
        List<RequestedItem> items = new ArrayList<>();
        List<Line> lines = layout.lines();
        for (int i = 0; i < lines.size(); i++) {
            Map<Col, Cell> header = itemHeader(lines.get(i));
            if (header == null) {
                continue;
            }
            Map<Col, StringBuilder> pending = null;
            SourceLocation pendingLoc = null;
            for (int j = i + 1; j < lines.size(); j++) {
                Line l = lines.get(j);
                String compact = JapaneseText.compact(l.text());
                if (compact.isEmpty()) {
                    continue;
                }
                if (isTotalLine(compact) || itemHeader(l) != null) {
                    break;
                }
                Map<Col, StringBuilder> row = layout.geometric() ? placeByColumn(l, header) : placeByOrder(l);
                boolean hasNumbers = row.containsKey(Col.AMOUNT) || row.containsKey(Col.UNIT_PRICE);
                if (!hasNumbers) {
                    if (pending != null && layout.geometric()) {
                        // a wrapped cell continues the item above
                        for (var e : row.entrySet()) {
                            pending.computeIfAbsent(e.getKey(), k -> new StringBuilder()).append(e.getValue());
                        }
                        continue;
                    }
                    if (items.size() > 0 || pending != null) {
                        break;
                    }
                    continue;
                }
                if (pending != null) {
                    items.add(item(pending, pendingLoc, items.size() + 1));
                }
                pending = row;
                pendingLoc = l.cells().get(0).location();
            }
            if (pending != null) {
                items.add(item(pending, pendingLoc, items.size() + 1));
            }
            if (!items.isEmpty()) {
                break;
            }
        }
        return items.stream().filter(it -> !it.name().isBlank()).toList();
    }

    private static boolean isTotalLine(String compact) {
        return compact.startsWith("合計") || compact.startsWith("小計") || compact.startsWith("総計") || compact.contains("小計(税抜)")
                || compact.matches("^(計|合計|小計).*") || compact.startsWith("消費税");
    }

    private static RequestedItem item(Map<Col, StringBuilder> row, SourceLocation loc, int seq) {
        Long no = number(row.get(Col.NO));
        Long qty = number(row.get(Col.QTY));
        Long unit = number(row.get(Col.UNIT_PRICE));
        Long amount = number(row.get(Col.AMOUNT));
        String name = str(row.get(Col.NAME));
        return new RequestedItem(no != null && no >= 0 && no < 10000 ? no.intValue() : seq, name == null ? "" : name,
                str(row.get(Col.SPEC)), str(row.get(Col.MAKER)), qty, unit, amount, str(row.get(Col.PURPOSE)), loc);
    }

    private static String str(StringBuilder b) {
        if (b == null) {
            return null;
        }
        String s = JapaneseText.nfkc(b.toString()).strip();
        return s.isEmpty() ? null : s;
    }

    private static Long number(StringBuilder b) {
        if (b == null) {
            return null;
        }
        String s = JapaneseText.compact(b.toString()).replaceAll("(台|式|個|基|台数|セット|組|本|枚|円)$", "");
        OptionalLong v = Amounts.parse(s);
        return v.isPresent() ? v.getAsLong() : null;
    }

    static Map<Col, Cell> itemHeader(Line line) {
        Map<Col, Cell> h = new EnumMap<>(Col.class);
        for (Cell c : line.cells()) {
            String t = JapaneseText.compact(c.text());
            Col col = headerKind(t);
            if (col != null && !h.containsKey(col)) {
                h.put(col, c);
            }
        }
        if (h.containsKey(Col.NAME) && (h.containsKey(Col.AMOUNT) || h.containsKey(Col.UNIT_PRICE))) {
            return h;
        }
        return null;
    }

    private static Col headerKind(String t) {
        if (t.isEmpty() || t.length() > 16) {
            return null;
        }
        String u = t.toUpperCase();
        if (u.equals("NO") || u.equals("NO.") || u.equals("番号") || u.equals("項番") || u.equals("№") || u.equals("連番")) {
            return Col.NO;
        }
        if (t.contains("規格") || t.contains("型式") || t.contains("型番")) {
            return Col.SPEC;
        }
        if (t.contains("品名") || t.contains("品目") || t.contains("名称") || t.contains("機器名") || t.contains("設備名")) {
            return Col.NAME;
        }
        if (t.contains("メーカー") || t.contains("製造") || t.contains("メーカ")) {
            return Col.MAKER;
        }
        if (t.contains("数量") || t.equals("数")) {
            return Col.QTY;
        }
        if (t.contains("単価")) {
            return Col.UNIT_PRICE;
        }
        if (t.contains("金額") || t.contains("価格") || t.contains("事業費")) {
            return Col.AMOUNT;
        }
        if (t.contains("目的") || t.contains("用途") || t.contains("理由")) {
            return Col.PURPOSE;
        }
        if (t.contains("備考")) {
            return Col.OTHER;
        }
        return null;
    }

    private static Map<Col, StringBuilder> placeByColumn(Line l, Map<Col, Cell> header) {
        Map<Col, StringBuilder> row = new EnumMap<>(Col.class);
        List<Map.Entry<Col, Cell>> cols = new ArrayList<>(header.entrySet());
        for (Cell c : l.cells()) {
            Col best = null;
            double bestOverlap = 0;
            for (var e : cols) {
                double o = e.getValue().overlap(c);
                if (o > bestOverlap) {
                    bestOverlap = o;
                    best = e.getKey();
                }
            }
            if (best == null) {
                double bestDist = Double.MAX_VALUE;
                for (var e : cols) {
                    Cell h = e.getValue();
                    // numbers sit right-aligned under their header, text left-aligned
                    double d = Amounts.isAmount(c.text()) ? Math.abs(h.right() - c.right()) : Math.abs(h.x() - c.x());
                    d = Math.min(d, Math.abs(h.center() - c.center()));
                    if (d < bestDist) {
                        bestDist = d;
                        best = e.getKey();
                    }
                }
            }
            if (best == null || best == Col.OTHER) {
                continue;
            }
            StringBuilder b = row.computeIfAbsent(best, k -> new StringBuilder());
            if (!b.isEmpty()) {
                b.append(isNumeric(best) ? "" : " ");
            }
            b.append(c.text());
        }
        // a number placed in a text column (or the reverse) means the cells straddle two columns
        return row;
    }

    private static boolean isNumeric(Col c) {
        return c == Col.NO || c == Col.QTY || c == Col.UNIT_PRICE || c == Col.AMOUNT;
    }

    /** OCR lines: No, text cells (name, spec, maker), quantity, unit price, amount, then purpose. */
    private static Map<Col, StringBuilder> placeByOrder(Line l) {
        Map<Col, StringBuilder> row = new EnumMap<>(Col.class);
        List<Cell> cells = new ArrayList<>(l.cells());
        if (!cells.isEmpty() && cells.get(0).text().matches("\\d{1,3}")) {
            row.put(Col.NO, new StringBuilder(cells.remove(0).text()));
        }
        int lastAmount = -1;
        for (int i = 0; i < cells.size(); i++) {
            if (Amounts.isAmount(cells.get(i).text().replaceAll("(台|式|個|円)$", ""))) {
                lastAmount = i;
            }
        }
        if (lastAmount < 0) {
            return row;
        }
        int firstNum = lastAmount;
        while (firstNum - 1 >= 0 && Amounts.isAmount(cells.get(firstNum - 1).text().replaceAll("(台|式|個|円)$", ""))
                && lastAmount - firstNum < 2) {
            firstNum--;
        }
        List<Cell> nums = cells.subList(firstNum, lastAmount + 1);
        Col[] numCols = nums.size() >= 3 ? new Col[] {Col.QTY, Col.UNIT_PRICE, Col.AMOUNT}
                : nums.size() == 2 ? new Col[] {Col.UNIT_PRICE, Col.AMOUNT} : new Col[] {Col.AMOUNT};
        for (int i = 0; i < numCols.length; i++) {
            row.put(numCols[i], new StringBuilder(nums.get(nums.size() - numCols.length + i).text()));
        }
        List<Cell> texts = cells.subList(0, firstNum);
        Col[] textCols = {Col.NAME, Col.SPEC, Col.MAKER};
        for (int i = 0; i < texts.size(); i++) {
            Col c = textCols[Math.min(i, textCols.length - 1)];
            row.computeIfAbsent(c, k -> new StringBuilder()).append(texts.get(i).text());
        }
        StringBuilder purpose = new StringBuilder();
        for (Cell c : cells.subList(lastAmount + 1, cells.size())) {
            purpose.append(c.text());
        }
        if (!purpose.isEmpty()) {
            row.put(Col.PURPOSE, purpose);
        }
        return row;
    }
}
