package jp.shinsa.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.ingest.text.FiscalYears;
import jp.shinsa.ingest.text.JapaneseText;
import jp.shinsa.models.ComparisonDelta;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.Figure;
import jp.shinsa.models.UnmappedRow;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.StatementRow;
import jp.shinsa.models.Text;

/**
 * Account figures of a financial statement, input sheet or BS comparison. Works on lines of cells
 * whatever the source: every text cell starts a row label, the amounts after it on the same line
 * belong to it (so a two-column balance sheet yields two rows per line), and each amount takes the
 * fiscal year (or 増減) of the column header it sits under, else the document's own year.
 */
public final class StatementExtractor {

    public record Result(List<Figure> figures, List<ComparisonDelta> deltas, List<UnmappedRow> unmapped, long unit,
                         Integer fiscalYear, List<StatementRow> rows) {
    }

    /** A column of a header line: a fiscal year, or the 増減 column (year null). */
    record Column(Cell cell, Integer year, boolean delta) {
    }

    private final AccountMatcher matcher;

    public StatementExtractor(AccountMatcher matcher) {
        this.matcher = matcher;
    }

    public Result extract(String file, DocumentType type, DocumentLayout layout) {
        return extract(file, type, layout, null);
    }

    /**
     * @param fallbackYear the fiscal year to assume when the document names none (taken from the
     *                     other documents of the application); null to use the last closed 年度
     */
    public Result extract(String file, DocumentType type, DocumentLayout layout, Integer fallbackYear) {
        OptionalLong docUnit = Units.of(layout.text());
        long unit = docUnit.orElse(1L);
        boolean sheets = layout.lines().stream().anyMatch(l -> l.sheet() != null);
        if (sheets) {
            unit = 1L;
        }
        Integer ownYear = documentYear(layout);
        boolean guessed = ownYear == null;
        Integer docYear = ownYear != null ? ownYear : fallbackYear != null ? fallbackYear : lastClosedFiscalYear();
        List<StatementRow> rows = new ArrayList<>();
        List<Column> header = null;
        String sheet = null;
        Map<String, String> sheetTexts = sheets ? sheetTexts(layout) : Map.of();
        double[] minX = {Double.MAX_VALUE};
        List<Double> xs = new ArrayList<>();
        for (Line line : layout.lines()) {
            if (line.sheet() != null && !line.sheet().equals(sheet)) {
                sheet = line.sheet();
                header = null;
                // a sheet states its own unit or keeps the one of the sheets before it
                unit = Units.of(sheetTexts.get(sheet)).orElse(unit);
            }
            OptionalLong u = unitOfLine(line);
            if (u.isPresent()) {
                unit = u.getAsLong();
            }
            List<Column> h = headerColumns(line, docYear);
            if (h != null) {
                header = h;
                continue;
            }
            List<Group> groups = groups(line, layout.geometric());
            if (groups.isEmpty()) {
                // a line without amounts: a section heading (流動資産, 医業費用) or a title, kept as a row
                Cell first = line.cells().stream().filter(c -> !JapaneseText.compact(c.text()).isEmpty()).findFirst().orElse(null);
                String text = JapaneseText.nfkc(line.text()).strip();
                int len = JapaneseText.compact(text).length();
                if (first != null && len >= 2 && len <= 30 && u.isEmpty()) {
                    rows.add(new StatementRow(file, rows.size(), text, List.of(), 0, Map.of(), null, first.location(),
                            PENDING));
                    xs.add(first.x());
                    minX[0] = Math.min(minX[0], first.x());
                }
                continue;
            }
            int sequential = 0;
            int totalAmounts = groups.stream().mapToInt(g -> g.amounts.size()).sum();
            for (Group g : groups) {
                String label = g.label.text();
                for (String candidate : g.candidates()) {
                    Optional<AccountMatcher.Match> m = layout.ocr() ? matcher.matchOcr(candidate) : matcher.match(candidate);
                    if (m.isPresent()) {
                        label = candidate;
                        break;
                    }
                }
                Map<Integer, Long> values = new java.util.LinkedHashMap<>();
                Map<Integer, jp.shinsa.models.SourceLocation> locations = new java.util.LinkedHashMap<>();
                Long delta = null;
                jp.shinsa.models.SourceLocation deltaAt = null;
                for (int i = 0; i < g.amounts.size(); i++) {
                    Cell a = g.amounts.get(i);
                    Column col = column(header, g, i, a, layout.geometric(), totalAmounts, sequential++);
                    long value = Amounts.parse(a.text()).getAsLong() * unit;
                    if (col != null && col.delta()) {
                        if (delta == null) {
                            delta = value;
                            deltaAt = a.location();
                        }
                        continue;
                    }
                    Integer year = col != null ? col.year() : docYear;
                    if (year != null && !values.containsKey(year)) {
                        values.put(year, value);
                        locations.put(year, a.location());
                    }
                }
                if (values.isEmpty() && delta == null) {
                    continue;
                }
                rows.add(new StatementRow(file, rows.size(), JapaneseText.nfkc(label).strip(), List.of(), 0, values, delta,
                        g.label.location(), PENDING, locations, deltaAt));
                xs.add(g.label.x());
                minX[0] = Math.min(minX[0], g.label.x());
            }
        }
        rows = withIndents(rows, xs, minX[0], layout.geometric() && !sheets);
        return new Result(List.of(), List.of(), List.of(), docUnit.orElse(1L), ownYear, rows);
    }

    /** The mapping of a row the spreader has not looked at yet. */
    static final RowMapping PENDING = RowMapping.unmapped(List.of(), new Text("未対応付け", "not mapped yet"));

    /**
     * Indentation levels from the labels' left edges: columns for sheets, steps of about one
     * character (10 pt) on a page; OCR token order says nothing, so 0.
     */
    private static List<StatementRow> withIndents(List<StatementRow> rows, List<Double> xs, double minX, boolean page) {
        List<StatementRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StatementRow r = rows.get(i);
            double dx = xs.get(i) - minX;
            int indent = page ? (int) Math.round(dx / 10.0) : r.location().cell() != null ? (int) Math.round(dx) : 0;
            out.add(new StatementRow(r.file(), r.index(), r.label(), r.section(), Math.max(0, Math.min(indent, 20)), r.values(),
                    r.delta(), r.location(), r.mapping(), r.valueLocations(), r.deltaLocation()));
        }
        return out;
    }

    /** The 年度 that closed last (April–March): the year statements usually cover when they do not say. */
    static int lastClosedFiscalYear() {
        java.time.LocalDate now = java.time.LocalDate.now();
        int current = now.getMonthValue() >= 4 ? now.getYear() : now.getYear() - 1;
        return current - 1;
    }

    /**
     * Each sheet's text, gathered in one pass: once per sheet over all lines was quadratic, and a
     * workbook listing one sheet part 5,000 times took longer than the time bound (found by fuzzing).
     */
    private static Map<String, String> sheetTexts(DocumentLayout layout) {
        Map<String, StringBuilder> b = new HashMap<>();
        for (Line l : layout.lines()) {
            if (l.sheet() != null) {
                b.computeIfAbsent(l.sheet(), k -> new StringBuilder()).append(l.text()).append('\n');
            }
        }
        Map<String, String> out = new HashMap<>();
        b.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    private static OptionalLong unitOfLine(Line line) {
        for (Cell c : line.cells()) {
            if (JapaneseText.compact(c.text()).contains("単位")) {
                OptionalLong u = Units.of(line.text());
                if (u.isPresent()) {
                    return u;
                }
            }
        }
        return OptionalLong.empty();
    }

    static Integer documentYear(DocumentLayout layout) {
        OptionalInt y = FiscalYears.ofDocument(layout.text());
        if (y.isPresent()) {
            return y.getAsInt();
        }
        // No statement date: the latest year any column header names.
        Integer best = null;
        for (Line l : layout.lines()) {
            for (Cell c : l.cells()) {
                OptionalInt v = FiscalYears.of(c.text());
                if (v.isPresent() && (best == null || v.getAsInt() > best)) {
                    best = v.getAsInt();
                }
            }
        }
        return best;
    }

    /** Words that head a year column by its position relative to the statement's own year. */
    private static final java.util.regex.Pattern RELATIVE_YEAR = java.util.regex.Pattern.compile(
            "前々年度|前々期|前々事業年度|前年度|前期|前事業年度|当年度|当期|本年度|今年度|当事業年度");
    /** 第45期: a company's period number, which names no calendar year. */
    private static final java.util.regex.Pattern PERIOD_NUMBER = java.util.regex.Pattern.compile("^第(\\d{1,3})期");

    /** The columns a header line defines, or null when the line is not a column header. */
    static List<Column> headerColumns(Line line, Integer docYear) {
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
        return cols.isEmpty() ? null : cols;
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

    private static Column column(List<Column> header, Group g, int i, Cell a, boolean geometric, int totalAmounts, int sequential) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        if (!geometric) {
            if (totalAmounts == header.size()) {
                return header.get(sequential);
            }
            if (g.amounts.size() == header.size()) {
                return header.get(i);
            }
            if (g.amounts.size() == 1 && header.stream().filter(c -> !c.delta()).count() <= 1) {
                return header.stream().filter(c -> !c.delta()).findFirst().orElse(null);
            }
            // an amount lost to OCR: the 増減 column, whose signs OCR garbles most, is the likeliest
            List<Column> years = header.stream().filter(c -> !c.delta()).toList();
            if (g.amounts.size() == years.size()) {
                return years.get(i);
            }
            if (g.amounts.size() == 1) {
                return null;
            }
            // fewer amounts than columns: the rightmost columns are usually the ones printed
            int offset = Math.max(0, header.size() - g.amounts.size());
            return header.get(Math.min(header.size() - 1, offset + i));
        }
        Column best = null;
        double bestOverlap = 0;
        for (Column c : header) {
            double o = c.cell().overlap(a);
            if (o > bestOverlap) {
                bestOverlap = o;
                best = c;
            }
        }
        if (best != null) {
            return best;
        }
        double bestDist = Double.MAX_VALUE;
        for (Column c : header) {
            double d = Math.abs(c.cell().center() - a.center()) + Math.abs(c.cell().right() - a.right());
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        return best;
    }

    /** A row label with the amounts printed after it on the same line. */
    static final class Group {
        final Cell label;
        final Cell previous;
        /** The text pieces printed close together before the amounts, this label last. */
        final List<Cell> run;
        final List<Cell> amounts = new ArrayList<>();

        Group(Cell label, Cell previous) {
            this(label, previous, previous == null ? List.of(label) : List.of(previous, label));
        }

        Group(Cell label, Cell previous, List<Cell> run) {
            this.label = label;
            this.previous = previous;
            this.run = List.copyOf(run);
        }

        List<String> candidates() {
            List<String> out = new ArrayList<>();
            String joined = run.stream().map(Cell::text).reduce("", String::concat);
            // 均等割付: a short label spread over the label column (流　動　資　産, 土　　地) comes as
            // one-character pieces, whose tail alone (資産) may name another account
            if (run.size() >= 2 && run.stream().allMatch(c -> JapaneseText.compact(c.text()).length() <= 2)) {
                out.add(joined);
            }
            out.add(label.text());
            if (previous != null) {
                out.add(previous.text() + label.text());
            }
            if (run.size() >= 3 && !out.contains(joined)) {
                out.add(joined);
            }
            return out;
        }
    }

    static List<Group> groups(Line line, boolean geometric) {
        List<Group> out = new ArrayList<>();
        Group current = null;
        Cell lastText = null;
        List<Cell> run = new ArrayList<>();
        for (Cell c : line.cells()) {
            if (Amounts.isAmount(c.text())) {
                if (current != null) {
                    current.amounts.add(c);
                }
                run.clear();
                continue;
            }
            if (JapaneseText.compact(c.text()).isEmpty()) {
                continue;
            }
            // a label split by a small gap (or an OCR token break) may need its previous piece
            boolean close = lastText != null && current != null && current.amounts.isEmpty()
                    && (!geometric || c.x() - lastText.right() < 3 * Math.max(8, lastText.width() / Math.max(1, lastText.text().length())));
            Cell prev = close ? lastText : null;
            if (!close) {
                run.clear();
            }
            run.add(c);
            current = new Group(c, prev, run);
            out.add(current);
            lastText = c;
        }
        return out.stream().filter(g -> !g.amounts.isEmpty()).toList();
    }
}
