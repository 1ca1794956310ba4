package jp.shinsa.review.application;

import java.time.OffsetDateTime;

/**
 * One row of the queue. Scores are null until the first pass is done. {@code reviewPending}: a change
 * (correction, row mapping, promoted model) is recorded and its re-review job has not stored its
 * result yet, so the scores shown predate it; {@code reReviewFailure}: why that re-review was given up
 * (null otherwise).
 */
public record ApplicationSummary(long id, String name, String program, String applicant, Long requestedAmount,
                                 ApplicationStatus status, String failureReason, int errorCount, int warningCount,
                                 Double riskScore, String riskBand, Double minFit, boolean flagged,
                                 String assignee, String decision, OffsetDateTime createdAt, int version,
                                 boolean reviewPending, String reReviewFailure) {
}
