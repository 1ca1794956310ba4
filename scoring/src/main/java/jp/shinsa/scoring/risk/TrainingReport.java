package jp.shinsa.scoring.risk;

import java.util.List;

/**
 * What a training run measured and produced.
 *
 * @param model     cross-validation of the algorithm that was trained on all rows ({@link #trained()})
 * @param baselines cross-validations of the baselines of the same run, same folds
 * @param seconds   wall time of the whole run
 * @param note      why the algorithm differs from the one asked for, else null
 */
public record TrainingReport(String data, int rows, int positives, int folds, List<String> features,
                             boolean applicantFeatures, CrossValidation model, List<CrossValidation> baselines,
                             double seconds, TrainedRiskModel trained, String note) {
    public TrainingReport {
        features = List.copyOf(features);
        baselines = List.copyOf(baselines);
    }
}
