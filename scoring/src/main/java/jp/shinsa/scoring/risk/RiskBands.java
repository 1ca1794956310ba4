package jp.shinsa.scoring.risk;

import jp.shinsa.models.RiskBand;

/**
 * Band thresholds on the 0–100 score (configuration, not model): LOW below {@code mediumFrom},
 * MEDIUM from {@code mediumFrom}, HIGH from {@code highFrom}.
 */
public record RiskBands(double mediumFrom, double highFrom) {
    /**
     * Defaults for a model whose score is 100 × P(distress within 3 years): past applicants' base
     * rate is about 14%, so 15 is "above an average applicant" and 40 is "more likely than not in
     * the distressed group" (whose distress rate is about 55%).
     */
    public static final RiskBands DEFAULT = new RiskBands(15, 40);

    public RiskBands {
        if (!(mediumFrom >= 0 && mediumFrom <= highFrom && highFrom <= 100)) {
            throw new IllegalArgumentException("need 0 ≤ mediumFrom ≤ highFrom ≤ 100: " + mediumFrom + ", " + highFrom);
        }
    }

    public RiskBand band(double score) {
        return score >= highFrom ? RiskBand.HIGH : score >= mediumFrom ? RiskBand.MEDIUM : RiskBand.LOW;
    }
}
