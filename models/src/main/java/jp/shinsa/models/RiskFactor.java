package jp.shinsa.models;

import java.util.Objects;

/**
 * One factor of a risk score: the feature's value, its contribution in score points (the
 * contributions of a score add up to the score), and why, in both languages.
 *
 * @param value  the feature's value (a ratio, years, …); null when it could not be computed
 * @param source where the value came from, e.g. "決算書.pdf FY2024"; null when imputed
 */
public record RiskFactor(String feature, Double value, double contribution, Text reason, String source) {
    public RiskFactor {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(reason, "reason");
    }
}
