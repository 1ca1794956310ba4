package jp.shinsa.review.registry;

import java.time.OffsetDateTime;

/** A promotion or roll-back, with its reason. */
public record ModelStatusChange(long id, long modelId, String version, ModelStatus from, ModelStatus to, String reason,
                                String changedBy, OffsetDateTime changedAt) {
}
