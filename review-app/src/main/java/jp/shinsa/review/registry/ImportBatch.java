package jp.shinsa.review.registry;

import java.time.OffsetDateTime;

/** One import of training data: what it was and how many rows it added. */
public record ImportBatch(long id, String kind, String fileName, String sha256, int rowsAdded, String importedBy,
                          OffsetDateTime importedAt) {
}
