package jp.shinsa.review.application;

import java.time.OffsetDateTime;

/** A decision as stored, with what the AI suggested and the rationale as it was shown (JSON). */
public record DecisionRecord(long id, long applicationId, DecisionOutcome outcome, String comment,
                             boolean departsFromAi, String decidedBy, OffsetDateTime decidedAt,
                             String modelVersionsJson, String reviewSnapshotJson) {
}
