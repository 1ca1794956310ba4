package jp.shinsa.models;

import java.util.List;
import java.util.Objects;

/** A financial risk score, 0–100 (higher is riskier), with the model version that made it. */
public record RiskScore(double score, RiskBand band, String modelVersion, List<RiskFactor> factors) {
    public RiskScore {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(modelVersion, "modelVersion");
        factors = List.copyOf(factors);
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("risk score must lie in [0,100]: " + score);
        }
    }
}
