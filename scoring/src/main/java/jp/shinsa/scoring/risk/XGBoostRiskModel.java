package jp.shinsa.scoring.risk;

/**
 * A risk model whose learner is XGBoost's gradient boosted trees (the default: it reaches the
 * benchmark target that Weka's learners miss, docs/benchmarks.md), explained like every {@link
 * ExplainedRiskModel}. Build one with {@link RiskModels#load(TrainedRiskModel, RiskBands)}.
 */
public final class XGBoostRiskModel extends ExplainedRiskModel {
    XGBoostRiskModel(TrainedRiskModel trained, RiskBands bands) {
        super(trained, bands);
        if (trained.algorithm() != Algorithm.GRADIENT_BOOSTING) {
            throw new IllegalArgumentException("not an XGBoost model: " + trained.algorithm());
        }
    }
}
