package jp.shinsa.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.FiscalYears;
import jp.shinsa.ingest.text.JapaneseText;

/**
 * The column header of a statement (part of {@link StatementExtractor}): the fiscal year each column
 * names, explicitly (令和6年度, 2024/3/31), relative to the statement's own year (前期, 当年度) or by
 * period number (第45期), and the 増減 column.
 */
final class HeaderColumns {

    /** A column of a header line: a fiscal year, or the 増減 column (year null). */
    record Column(Cell cell, Integer year, boolean delta) {
    }

    private HeaderColumns() {
    }

    /** Words that head a year column by its position relative to the statement's own year. */
    private static final java.util.regex.Pattern RELATIVE_YEAR = java.util.regex.Pattern.compile(
            "前々年度|前々期|前々事業年度|前年度|前期|前事業年度|当年度|当期|本年度|今年度|当事業年度");
    /** 第45期: a company's period number, which names no calendar year. */
    private static final java.util.regex.Pattern PERIOD_NUMBER = java.util.regex.Pattern.compile("^第(\\d{1,3})期");

    /** The columns a header line defines, or null when the line is not a column header. */
    static List<Column> of(Line line, Integer docYear) {
        List<Column> cols = new ArrayList<>();
        String all = JapaneseText.compact(line.text());
        // a date line (令和7年3月31日現在, 自…至…, 決算日…) is no header, unless its cells also name
        // their column (当事業年度（自 令和6年4月1日 至 令和7年3月31日）)
        if ((all.contains("現在") || all.startsWith("自") || all.contains("至") || all.contains("決算日"))
                && !RELATIVE_YEAR.matcher(all).find()) {
            return null;
        }
        for (Cell cell : line.cells()) {
            if (Amounts.isAmount(cell.text())) {
                return null;
            }
        }
        List<Integer> periods = new ArrayList<>();
        List<Cell> periodCells = new ArrayList<>();
        for (Cell c : splitHeaderCells(line.cells())) {
            String t = JapaneseText.compact(c.text());
            if (t.length() > 40 || t.length() > 24 && !RELATIVE_YEAR.matcher(t).find() || t.contains("実績比較") || t.contains("決算")
                    || t.contains("計算書") || t.contains("対照表") || t.contains("シート")) {
                continue;
            }
            if (t.contains("増減") || t.contains("差額") || t.contains("差引") || t.equals("比較")) {
                cols.add(new Column(c, null, true));
                continue;
            }
            OptionalInt explicit = FiscalYears.of(t);
            var period = PERIOD_NUMBER.matcher(t);
            if (explicit.isPresent() && (t.contains("年度") || t.contains("月") || t.contains("期")
                    || t.matches(".*\\d{1,4}[/.]\\d{1,2}[/.]\\d{1,2}.*"))) {
                cols.add(new Column(c, explicit.getAsInt(), false));
            } else if (period.find()) {
                periods.add(Integer.parseInt(period.group(1)));
                periodCells.add(c);
                cols.add(null);
            } else if (docYear != null && (t.contains("前々年度") || t.contains("前々期") || t.contains("前々事業年度"))) {
                cols.add(new Column(c, docYear - 2, false));
            } else if (docYear != null && (t.contains("前年度") || t.contains("前期") || t.equals("前年") || t.contains("前事業年度"))) {
                cols.add(new Column(c, docYear - 1, false));
            } else if (docYear != null && (t.contains("当年度") || t.contains("当期") || t.contains("本年度") || t.contains("今年度")
                    || t.contains("当事業年度"))) {
                cols.add(new Column(c, docYear, false));
            } else if (docYear != null && t.equals("金額")) {
                cols.add(new Column(c, docYear, false));
            }
        }
        // 第44期 / 第45期: the highest period is the statement's own year, each one before it a year earlier
        if (!periods.isEmpty()) {
            int last = periods.stream().mapToInt(Integer::intValue).max().getAsInt();
            List<Column> resolved = new ArrayList<>();
            int p = 0;
            for (Column c : cols) {
                if (c != null) {
                    resolved.add(c);
                } else {
                    int n = periods.get(p);
                    Cell cell = periodCells.get(p++);
                    if (docYear != null) {
                        resolved.add(new Column(cell, docYear - (last - n), false));
                    }
                }
            }
            cols = resolved;
        }
        // a header names the years of its columns: a line whose only header word is 増減 or 差額 is a label
        // (入院診療収益（室料差額を除く）, 医業損益差額 over its lines), never a header without a year column
        return cols.stream().anyMatch(c -> c.year() != null) ? cols : null;
    }

    private static final java.util.regex.Pattern HEADER_START = java.util.regex.Pattern.compile(
            "(?=前々年度|前々期|前年度|当年度|前期|当期|本年度|今年度|前事業年度|当事業年度|増減|差額)"
                    // a year in brackets belongs to the word before it: 前年度（令和5年度） is one column
                    + "|(?<![（(])(?=(?:令和|平成)(?:元|\\d{1,2})年度|20\\d{2}年度)");

    /** OCR may run header words together ("前年度(令和6年3月31日)当年度(…)"): one column per header word. */
    private static List<Cell> splitHeaderCells(List<Cell> cells) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            String t = JapaneseText.compact(c.text());
            String[] parts = HEADER_START.split(t);
            List<String> nonEmpty = java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList();
            if (nonEmpty.size() <= 1) {
                out.add(c);
                continue;
            }
            double w = c.width() / nonEmpty.size();
            for (int i = 0; i < nonEmpty.size(); i++) {
                out.add(new Cell(nonEmpty.get(i), c.x() + i * w, w, c.location()));
            }
        }
        return out;
    }
}
