package jp.shinsa.models;

import java.util.Objects;

/** A row with a number whose label matched no account: kept so the workbench can show it. */
public record UnmappedRow(String file, String label, Long value, SourceLocation location) {
    public UnmappedRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(location, "location");
    }
}
