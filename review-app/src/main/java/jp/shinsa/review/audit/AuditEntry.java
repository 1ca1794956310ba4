package jp.shinsa.review.audit;

import java.time.OffsetDateTime;

/** One audit entry as stored. {@code detail} is the JSON text of the entry's details. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, Long applicationId,
                         String detail, String prevHash, String hash) {
}
