package jp.shinsa.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jp.shinsa.ingest.extract.HeaderColumns.Column;
import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.layout.Line;
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
 * <p>Its parts: {@link StatementYear} (the document's year), {@link Units}, {@link HeaderColumns} (the year
 * each column names), {@link LabelGroup} (labels and their amounts on a line), {@link RowAmounts} (amounts
 * by year); this class assembles the rows and their indentation.
 */
public final class StatementExtractor {

    public record Result(List<Figure> figures, List<ComparisonDelta> deltas, List<UnmappedRow> unmapped, long unit,
                         Integer fiscalYear, List<StatementRow> rows) {
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
        Integer ownYear = StatementYear.of(layout);
        boolean guessed = ownYear == null;
        Integer docYear = ownYear != null ? ownYear : fallbackYear != null ? fallbackYear : StatementYear.lastClosed();
        List<StatementRow> rows = new ArrayList<>();
        List<Column> header = null;
        String sheet = null;
        Map<String, String> sheetTexts = sheets ? Units.sheetTexts(layout) : Map.of();
        double[] minX = {Double.MAX_VALUE};
        List<Double> xs = new ArrayList<>();
        for (Line line : layout.lines()) {
            if (line.sheet() != null && !line.sheet().equals(sheet)) {
                sheet = line.sheet();
                header = null;
                // a sheet states its own unit or keeps the one of the sheets before it
                unit = Units.of(sheetTexts.get(sheet)).orElse(unit);
            }
            OptionalLong u = Units.ofLine(line);
            if (u.isPresent()) {
                unit = u.getAsLong();
            }
            List<Column> h = HeaderColumns.of(line, docYear);
            if (h != null) {
                header = h;
                continue;
            }
            List<LabelGroup> groups = LabelGroup.groups(line, layout.geometric());
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
            for (LabelGroup g : groups) {
                String label = g.label.text();
                boolean named = false;
                for (String candidate : g.candidates()) {
                    Optional<AccountMatcher.Match> m = layout.ocr() ? matcher.matchOcr(candidate) : matcher.match(candidate);
                    if (m.isPresent()) {
                        label = candidate;
                        named = true;
                        break;
                    }
                }
                if (!named && JapaneseText.compact(label).replaceAll("[※*＊]\\d*$", "").length() <= 1) {
                    // the last character of a letter-spaced wording the reader does not know (臨　時　損　失,
                    // (1) 給　　料) is no label: the whole run printed before the amounts is
                    for (String candidate : g.candidates()) {
                        if (JapaneseText.compact(candidate).length() > JapaneseText.compact(label).length()) {
                            label = candidate;
                        }
                    }
                }
                RowAmounts amounts = RowAmounts.read(g, header, layout.geometric(), totalAmounts, sequential, unit, docYear);
                sequential += g.amounts.size();
                if (amounts.values().isEmpty() && amounts.delta() == null) {
                    continue;
                }
                rows.add(new StatementRow(file, rows.size(), JapaneseText.nfkc(label).strip(), List.of(), 0, amounts.values(),
                        amounts.delta(), g.label.location(), PENDING, amounts.locations(), amounts.deltaAt()));
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
     * character (10 pt) on a page; OCR token order says nothing, so 0. A sheet's leading spaces
     * (the fraction of a column {@link JapaneseText#sheetIndent} gives) count as one step each when
     * they are the sheet's structure, that is when at least half of its lines with amounts are indented
     * so; a few indented lines among unindented ones are decoration, and the sheet is read by its
     * columns alone, as before.
     */
    private static List<StatementRow> withIndents(List<StatementRow> rows, List<Double> xs, double minX, boolean page) {
        double minColumn = xs.stream().mapToDouble(Math::floor).min().orElse(0);
        int valueRows = 0;
        int spaced = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).values().isEmpty() && rows.get(i).location().cell() != null) {
                valueRows++;
                double x = xs.get(i);
                if (x - Math.floor(x) > 1e-6) {
                    spaced++;
                }
            }
        }
        boolean spaces = valueRows > 0 && spaced * 2 >= valueRows;
        List<StatementRow> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StatementRow r = rows.get(i);
            double dx = xs.get(i) - minX;
            int indent;
            if (page) {
                indent = (int) Math.round(dx / 10.0);
            } else if (r.location().cell() == null) {
                indent = 0;
            } else {
                double x = xs.get(i);
                // ten steps a column, one a leading space
                indent = (int) Math.round((Math.floor(x) - minColumn) * 10 + (spaces ? (x - Math.floor(x)) * 10 : 0));
            }
            out.add(new StatementRow(r.file(), r.index(), r.label(), r.section(), Math.max(0, Math.min(indent, 99)), r.values(),
                    r.delta(), r.location(), r.mapping(), r.valueLocations(), r.deltaLocation()));
        }
        return out;
    }
}
