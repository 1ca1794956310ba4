package jp.shinsa.review.supervision;

import java.time.OffsetDateTime;

/** One decided case for drill-down. */
public record DecisionCase(long decisionId, long applicationId, String applicationName, String program,
                           String outcome, String aiSuggestion, boolean departsFromAi, String comment,
                           String decidedBy, OffsetDateTime decidedAt, String modelVersions) {
}
