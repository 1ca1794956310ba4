package jp.shinsa.review.registry;

import java.time.OffsetDateTime;

/** A registered model without its bytes. {@code metricsJson} and {@code featuresJson} are JSON text. */
public record ModelVersion(long id, ModelKind kind, String version, String algorithm, String featuresJson,
                           String trainingDataSha256, String metricsJson, String trainedBy, OffsetDateTime trainedAt,
                           ModelStatus status) {
}
