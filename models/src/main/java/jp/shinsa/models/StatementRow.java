package jp.shinsa.models;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One printed row of a statement (決算書, 決算状況入力シート, BS実績比較), kept whether or not it was
 * mapped to an account, so that nothing printed is dropped silently.
 *
 * @param file     the file it was printed in
 * @param index    0-based position among the document's rows, in reading order; identifies the row
 *                 within its document
 * @param label    the row label as printed (after NFKC normalisation), qualifiers included
 * @param section  the section path it stands in, outermost first (e.g. ["資産の部", "流動資産"]); empty when none
 * @param indent   indentation level as printed (0 = flush left; a detail line is deeper than its total)
 * @param values   whole yen per fiscal year column (unit scaling applied); empty for a heading row
 * @param delta    the 増減 column of a BS comparison, in yen; null when none
 * @param location where the label was printed
 * @param mapping  what the reader made of the row, with its evidence
 * @param valueLocations where each year's value was printed (may be empty: then {@code location})
 * @param deltaLocation  where the 増減 value was printed; null when none or unknown
 */
public record StatementRow(String file, int index, String label, List<String> section, int indent,
                           Map<Integer, Long> values, Long delta, SourceLocation location, RowMapping mapping,
                           Map<Integer, SourceLocation> valueLocations, SourceLocation deltaLocation) {
    public StatementRow {
        valueLocations = java.util.Collections.unmodifiableMap(new TreeMap<>(valueLocations == null ? Map.of() : valueLocations));
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(mapping, "mapping");
        section = List.copyOf(section == null ? List.of() : section);
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values == null ? Map.of() : values));
        if (index < 0 || indent < 0) {
            throw new IllegalArgumentException("index and indent are ≥ 0");
        }
    }

    /** A row without per-value locations. */
    public StatementRow(String file, int index, String label, List<String> section, int indent,
                        Map<Integer, Long> values, Long delta, SourceLocation location, RowMapping mapping) {
        this(file, index, label, section, indent, values, delta, location, mapping, Map.of(), null);
    }

    /** The same row with another mapping (an examiner's, or the arithmetic's). */
    public StatementRow withMapping(RowMapping m) {
        return new StatementRow(file, index, label, section, indent, values, delta, location, m, valueLocations, deltaLocation);
    }

    /** The same row in another section path. */
    public StatementRow withSection(List<String> path) {
        return new StatementRow(file, index, label, path, indent, values, delta, location, mapping, valueLocations, deltaLocation);
    }

    /** Where the value of this year was printed (the label's location when unknown). */
    public SourceLocation locationOf(int year) {
        SourceLocation l = valueLocations.get(year);
        return l == null ? location : l;
    }

    /** True for a row that prints no value (a heading, a title). */
    public boolean heading() {
        return values.isEmpty() && delta == null;
    }
}
