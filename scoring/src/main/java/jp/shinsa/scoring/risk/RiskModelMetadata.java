package jp.shinsa.scoring.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a trained risk model is, for a registry row: stored inside the model's bytes as well, so the
 * bytes alone restore everything.
 *
 * @param version            unique name recorded with every score, e.g. "risk-20261124-084512-xgboost-3f2a9c1d"
 * @param algorithm          an {@link Algorithm} code
 * @param label              the label column it was trained on
 * @param features           feature names in model order ({@link RiskFeature} codes when {@code applicantFeatures})
 * @param applicantFeatures  true when trained on the past-applicants format, i.e. it can score applications;
 *                           false for a generic data set (benchmarks): such a model cannot score applications
 * @param trainingDataSha256 SHA-256 of the training file's bytes
 * @param auc                cross-validated area under the ROC curve (NaN when not cross-validated)
 * @param brier              cross-validated Brier score (NaN when not cross-validated)
 * @param threshold          the probability threshold of the reported confusion (Youden's J on the folds)
 * @param baseline           per feature, the training median: the reference row of the explanation
 * @param quantiles          per feature, the training values' quantiles (0%, 0.5%, …, 100%), for percentile reasons;
 *                           empty for a feature that was always missing
 */
public record RiskModelMetadata(int formatVersion, String version, String algorithm, String label, List<String> features,
                                boolean applicantFeatures, String trainingDataSha256, int rows, int positives, int folds,
                                double auc, double brier, double threshold, Instant trainedAt, List<Double> baseline,
                                List<List<Double>> quantiles) {
    public static final int FORMAT_VERSION = 1;

    public RiskModelMetadata {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(trainedAt, "trainedAt");
        features = List.copyOf(features);
        baseline = List.copyOf(baseline);
        quantiles = quantiles.stream().map(List::copyOf).toList();
        if (baseline.size() != features.size() || quantiles.size() != features.size()) {
            throw new IllegalArgumentException("baseline and quantiles need one entry per feature");
        }
    }

    public RiskModelMetadata withVersion(String newVersion) {
        return new RiskModelMetadata(formatVersion, newVersion, algorithm, label, features, applicantFeatures,
                trainingDataSha256, rows, positives, folds, auc, brier, threshold, trainedAt, baseline, quantiles);
    }
}
