package jp.shinsa.scoring.risk;

import java.util.HashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient boosted trees (XGBoost, binary:logistic) behind {@link Learner}. Missing values are NaN,
 * which XGBoost routes down a learned default branch of every split.
 *
 * <p>One native thread: with more OpenMP threads than free cores (a shared 2-core machine, or a
 * server scoring in parallel) OpenMP's spin-waiting made training 20× slower in our measurements.
 */
final class XGBoostLearner implements Learner {
    static final int ROUNDS = 100;
    static final int MAX_DEPTH = 6;
    static final double ETA = 0.1;

    private final int features;
    private final long seed;
    private final String constraints;
    private Booster booster;

    XGBoostLearner(List<String> features, long seed, boolean monotone) {
        this.features = features.size();
        this.seed = seed;
        this.constraints = monotone ? features.stream()
                .map(f -> Integer.toString(RiskFeature.ofCode(f).map(RiskFeature::direction).orElse(0)))
                .collect(Collectors.joining(",", "(", ")")) : null;
    }

    static XGBoostLearner load(List<String> features, byte[] bytes) {
        XGBoostLearner l = new XGBoostLearner(features, 0, false);
        try {
            l.booster = XGBoost.loadModel(bytes);
            l.booster.setParam("nthread", "1");
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("not a serialised XGBoost model", e);
        }
        return l;
    }

    /** Whether the native library loads on this machine (it needs libgomp). */
    static boolean available() {
        try {
            new DMatrix(new float[] {0f}, 1, 1, Float.NaN).dispose();
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    private DMatrix matrix(double[][] x) throws XGBoostError {
        float[] flat = new float[x.length * features];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features; j++) {
                flat[i * features + j] = (float) x[i][j];
            }
        }
        return new DMatrix(flat, x.length, features, Float.NaN);
    }

    @Override
    public void fit(double[][] x, int[] y) {
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "binary:logistic");
        params.put("eta", ETA);
        params.put("max_depth", MAX_DEPTH);
        params.put("subsample", 0.8);
        params.put("colsample_bytree", 0.8);
        params.put("tree_method", "hist");
        params.put("nthread", 1);
        params.put("seed", seed);
        params.put("verbosity", 0);
        if (constraints != null) {
            params.put("monotone_constraints", constraints);
        }
        DMatrix train = null;
        try {
            train = matrix(x);
            float[] labels = new float[y.length];
            for (int i = 0; i < y.length; i++) {
                labels[i] = y[i];
            }
            train.setLabel(labels);
            booster = XGBoost.train(train, params, ROUNDS, new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    @Override
    public synchronized double[] predict(double[][] x) {
        DMatrix m = null;
        try {
            m = matrix(x);
            float[][] p = booster.predict(m);
            double[] out = new double[x.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = p[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    @Override
    public byte[] toBytes() {
        try {
            return booster.toByteArray("ubj");
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise the XGBoost model", e);
        }
    }
}
