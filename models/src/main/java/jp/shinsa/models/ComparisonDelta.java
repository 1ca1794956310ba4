package jp.shinsa.models;

import java.util.Objects;

/** A value of the 増減 (increase/decrease) column of a BS実績比較, in whole yen. */
public record ComparisonDelta(String file, String account, long value, long unit, SourceLocation location) {
    public ComparisonDelta {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
    }
}
