package jp.shinsa.scoring.risk;

import java.util.List;

/**
 * A binary classifier over numeric features with missing values as NaN. Implementations hide the
 * library (Weka, XGBoost); predictions are probabilities of the positive class (1).
 */
interface Learner {
    void fit(double[][] x, int[] y);

    /** P(class 1) per row. Thread-safe after fit. */
    double[] predict(double[][] x);

    byte[] toBytes();

    /**
     * @param monotone when the features are {@link RiskFeature} codes: constrain the learner (where
     *                 it can be) to move with each feature's {@link RiskFeature#direction()}
     */
    static Learner create(Algorithm algorithm, List<String> features, long seed, boolean monotone) {
        return algorithm == Algorithm.GRADIENT_BOOSTING ? new XGBoostLearner(features, seed, monotone)
                : new WekaLearner(algorithm, features, seed);
    }

    static Learner load(Algorithm algorithm, List<String> features, byte[] bytes) {
        return algorithm == Algorithm.GRADIENT_BOOSTING ? XGBoostLearner.load(features, bytes)
                : WekaLearner.load(algorithm, features, bytes);
    }
}
