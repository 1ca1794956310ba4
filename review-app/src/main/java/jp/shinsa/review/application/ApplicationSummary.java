package jp.shinsa.review.application;

import java.time.OffsetDateTime;

/** One row of the queue. Scores are null until the first pass is done. */
public record ApplicationSummary(long id, String name, String program, String applicant, Long requestedAmount,
                                 ApplicationStatus status, String failureReason, int errorCount, int warningCount,
                                 Double riskScore, String riskBand, Double minFit, boolean flagged,
                                 String assignee, String decision, OffsetDateTime createdAt, int version) {
}
