package jp.shinsa.scoring.risk;

/**
 * A risk model whose learner is one of Weka's (logistic regression, J48, random forest), explained
 * like every {@link ExplainedRiskModel}. Build one with {@link RiskModels#load(TrainedRiskModel, RiskBands)}.
 */
public final class WekaRiskModel extends ExplainedRiskModel {
    WekaRiskModel(TrainedRiskModel trained, RiskBands bands) {
        super(trained, bands);
        if (!trained.algorithm().isWeka()) {
            throw new IllegalArgumentException("not a Weka model: " + trained.algorithm());
        }
    }
}
