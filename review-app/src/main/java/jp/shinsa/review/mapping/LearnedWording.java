package jp.shinsa.review.mapping;

import java.time.OffsetDateTime;
import java.util.Objects;
import jp.shinsa.models.DocumentType;
import jp.shinsa.models.RowMapping;
import jp.shinsa.models.TaughtMapping;

/**
 * A wording an examiner taught, applied to later applications while it is active (not retired).
 *
 * @param wordingKey    {@code LearnedMappings.wordingKey} of the label
 * @param label         the label as it was printed where it was taught
 * @param applicationId the application it was taught on
 * @param usedBy        applications whose stored reading has a row of this label mapped as taught; null when not counted
 */
public record LearnedWording(long id, String wordingKey, String label, DocumentType documentType, RowMapping.Kind kind,
                             String account, String taughtBy, OffsetDateTime taughtAt, long applicationId,
                             String applicationName, String retiredBy, OffsetDateTime retiredAt, String retiredReason,
                             Integer usedBy) {
    public LearnedWording {
        Objects.requireNonNull(wordingKey, "wordingKey");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean active() {
        return retiredAt == null;
    }

    public TaughtMapping taught() {
        return new TaughtMapping(wordingKey, documentType, kind, account);
    }
}
