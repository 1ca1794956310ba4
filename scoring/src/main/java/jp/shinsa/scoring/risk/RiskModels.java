package jp.shinsa.scoring.risk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.shinsa.scoring.RiskModel;

/**
 * Entry points for the workbench: train the default model at first start, and turn stored bytes
 * back into a {@link RiskModel}.
 *
 * <pre>{@code
 * TrainedRiskModel m = RiskModels.trainDefault();          // or RiskTrainer.train(...).trained()
 * byte[] blob = m.toBytes();                                // store with m.metadata() columns
 * RiskModel model = RiskModels.load(blob, RiskBands.DEFAULT);
 * RiskScore s = model.score(application);                   // s.modelVersion() == m.version()
 * }</pre>
 */
public final class RiskModels {
    /** Rows and seed of the demo past applicants the default model is trained on. */
    public static final int DEFAULT_ROWS = 3000;
    public static final long DEFAULT_SEED = 20261124L;
    public static final String DEFAULT_LABEL = DemoPastApplicants.LABEL;

    private RiskModels() {
    }

    /**
     * The default model: gradient boosted trees trained on {@link DemoPastApplicants} (3,000 rows,
     * fixed seed), 5-fold cross-validated without baselines so it takes a few seconds. Deterministic
     * apart from its timestamp and version.
     */
    public static TrainingReport trainDefaultReport() {
        byte[] csv = DemoPastApplicants.csv(DEFAULT_ROWS, DEFAULT_SEED).getBytes(StandardCharsets.UTF_8);
        return new RiskTrainer().train("demo-past-applicants.csv", csv, DEFAULT_LABEL,
                RiskTrainer.Options.defaults().withFolds(5).withBaselines(List.of()));
    }

    public static TrainedRiskModel trainDefault() {
        return trainDefaultReport().trained();
    }

    public static ExplainedRiskModel load(byte[] bytes) {
        return load(TrainedRiskModel.fromBytes(bytes), RiskBands.DEFAULT);
    }

    public static ExplainedRiskModel load(byte[] bytes, RiskBands bands) {
        return load(TrainedRiskModel.fromBytes(bytes), bands);
    }

    /**
     * A scorer for a trained model.
     *
     * @throws IllegalArgumentException when the model was trained on a generic data set (see
     *                                  {@link RiskModelMetadata#applicantFeatures()}) and cannot score applications
     */
    public static ExplainedRiskModel load(TrainedRiskModel trained, RiskBands bands) {
        return trained.algorithm() == Algorithm.GRADIENT_BOOSTING ? new XGBoostRiskModel(trained, bands)
                : new WekaRiskModel(trained, bands);
    }
}
