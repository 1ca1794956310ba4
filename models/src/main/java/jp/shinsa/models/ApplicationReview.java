package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/**
 * The whole first-pass review of one application, the in-memory form of the review contract's
 * JSON object. {@code risk} is null when no risk model is available; {@code computedSubsidy} is null
 * when the total or the program is unknown.
 */
public record ApplicationReview(ExtractedApplication application, String program, List<Finding> findings,
                                RiskScore risk, List<PurposeFitScore> itemScores, Long computedSubsidy) {
    public static final int SCHEMA_VERSION = 1;

    public ApplicationReview {
        Objects.requireNonNull(application, "application");
        findings = List.copyOf(findings);
        itemScores = List.copyOf(itemScores);
    }
}
