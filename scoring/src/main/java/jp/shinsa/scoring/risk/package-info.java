/**
 * The financial risk score (issue 5): features an examiner of a hospital reads ({@link
 * jp.shinsa.scoring.risk.RiskFeatures}), a trainer with stratified cross-validation and baselines
 * ({@link jp.shinsa.scoring.risk.RiskTrainer}, {@link jp.shinsa.scoring.risk.TrainRiskCommand}), a
 * serialisable trained model ({@link jp.shinsa.scoring.risk.TrainedRiskModel}) and the scorers
 * behind {@link jp.shinsa.scoring.RiskModel} whose factor contributions add up to the score
 * (docs/decisions/005-risk-explanation.md). Plain Java: the workbench stores models and wires them.
 */
package jp.shinsa.scoring.risk;
