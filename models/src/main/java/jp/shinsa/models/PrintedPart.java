package jp.shinsa.models;

import java.util.Objects;

/**
 * A printed row a derived figure sums (a detail line of a statement, e.g. 医薬品費 under 材料費).
 *
 * @param label    the row label as printed (NFKC)
 * @param value    the row's value in whole yen for the figure's year (unit scaling applied)
 * @param location where the row was printed
 */
public record PrintedPart(String label, long value, SourceLocation location) {
    public PrintedPart {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(location, "location");
    }
}
