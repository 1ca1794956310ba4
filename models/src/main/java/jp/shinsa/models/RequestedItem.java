package jp.shinsa.models;

import java.util.Objects;

/**
 * One line of an application form's or a quote's item table. Amounts are yen, tax included.
 * {@code spec}, {@code maker}, {@code purpose} and the numbers are null when the document does not
 * give them.
 */
public record RequestedItem(int no, String name, String spec, String maker, Long quantity, Long unitPrice,
                            Long amount, String purpose, SourceLocation location) {
    public RequestedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        if (no < 0) {
            throw new IllegalArgumentException("item number must be ≥ 0: " + no);
        }
    }
}
