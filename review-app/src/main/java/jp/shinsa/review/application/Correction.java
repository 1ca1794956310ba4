package jp.shinsa.review.application;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An examiner's correction of one extracted value, kept beside the original. For a FIGURE the
 * target is file + account + fiscal year and the field is "value"; for an ITEM it is the item number
 * of the application form and one of "name", "quantity", "unitPrice", "amount".
 */
public record Correction(long id, Kind kind, String file, String account, Integer fiscalYear, Integer itemNo,
                         String field, String originalValue, String correctedValue, String reason,
                         String correctedBy, OffsetDateTime correctedAt) {
    public enum Kind { FIGURE, ITEM }

    public Correction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(correctedValue, "correctedValue");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
