package jp.shinsa.ingest.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.shinsa.ingest.extract.HeaderColumns.Column;
import jp.shinsa.ingest.layout.Cell;
import jp.shinsa.ingest.text.Amounts;
import jp.shinsa.models.SourceLocation;

/**
 * A row's amounts by fiscal year (part of {@link StatementExtractor}): each amount takes the year (or 増減)
 * of the header column it sits under, by overlap on a page, by order in a sheet or OCR text, else the
 * document's own year; the first amount of a year (or of 増減) wins.
 */
record RowAmounts(Map<Integer, Long> values, Map<Integer, SourceLocation> locations, Long delta, SourceLocation deltaAt) {

    /**
     * @param sequential   the index of the group's first amount among all amounts of its line
     * @param totalAmounts the number of amounts on the line
     */
    static RowAmounts read(LabelGroup g, List<Column> header, boolean geometric, int totalAmounts, int sequential,
                           long unit, Integer docYear) {
        Map<Integer, Long> values = new LinkedHashMap<>();
        Map<Integer, SourceLocation> locations = new LinkedHashMap<>();
        Long delta = null;
        SourceLocation deltaAt = null;
        for (int i = 0; i < g.amounts.size(); i++) {
            Cell a = g.amounts.get(i);
            Column col = column(header, g, i, a, geometric, totalAmounts, sequential++);
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
        return new RowAmounts(values, locations, delta, deltaAt);
    }

    private static Column column(List<Column> header, LabelGroup g, int i, Cell a, boolean geometric, int totalAmounts, int sequential) {
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
}
