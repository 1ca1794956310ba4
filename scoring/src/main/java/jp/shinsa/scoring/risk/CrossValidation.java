package jp.shinsa.scoring.risk;

/**
 * Stratified k-fold cross-validation of one learner: every row is predicted by a model that did
 * not see it.
 *
 * @param auc       area under the ROC curve of the out-of-fold probabilities (ties count half)
 * @param brier     mean squared error of the out-of-fold probabilities
 * @param threshold the probability threshold of the confusion counts (Youden's J unless given)
 * @param seconds   wall time of the folds
 */
public record CrossValidation(Algorithm algorithm, double auc, double brier, double threshold, int truePositives,
                              int falsePositives, int trueNegatives, int falseNegatives, double seconds) {
}
