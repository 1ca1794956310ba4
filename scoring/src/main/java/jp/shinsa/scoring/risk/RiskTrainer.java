package jp.shinsa.scoring.risk;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a risk model on any tabular data (CSV with a header, or ARFF) with a 0/1 label column:
 * stratified k-fold cross-validation of the chosen algorithm and of the baselines on the same
 * folds, then the chosen algorithm on all rows. Plain Java; thread-confined.
 */
public final class RiskTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(RiskTrainer.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * @param folds     cross-validation folds (fewer when a class has fewer rows; below 2 none)
     * @param threshold probability threshold of the confusion counts; null picks Youden's J
     */
    public record Options(int folds, long seed, Algorithm algorithm, List<Algorithm> baselines, Double threshold) {
        public Options {
            Objects.requireNonNull(algorithm, "algorithm");
            baselines = List.copyOf(baselines);
        }

        public static Options defaults() {
            return new Options(10, 1, Algorithm.GRADIENT_BOOSTING,
                    List.of(Algorithm.LOGISTIC, Algorithm.DECISION_TREE, Algorithm.RANDOM_FOREST), null);
        }

        public Options withFolds(int f) {
            return new Options(f, seed, algorithm, baselines, threshold);
        }

        public Options withAlgorithm(Algorithm a) {
            return new Options(folds, seed, a, baselines, threshold);
        }

        public Options withBaselines(List<Algorithm> b) {
            return new Options(folds, seed, algorithm, b, threshold);
        }
    }

    public TrainingReport train(Path data, String label, Options options) {
        return train(Dataset.read(data, label), label, options);
    }

    /** Trains on a file's content; {@code name} (e.g. "past.csv") tells CSV from ARFF. */
    public TrainingReport train(String name, byte[] content, String label, Options options) {
        return train(Dataset.parse(name, content, label), label, options);
    }

    TrainingReport train(Dataset data, String label, Options options) {
        long start = System.nanoTime();
        int positives = data.positives();
        int negatives = data.rows() - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("the label '" + label + "' needs both classes; positives: " + positives
                    + " of " + data.rows());
        }
        if (data.features.isEmpty()) {
            throw new IllegalArgumentException("no numeric feature columns beside the label");
        }
        Algorithm algorithm = options.algorithm();
        String note = null;
        if (algorithm == Algorithm.GRADIENT_BOOSTING && !XGBoostLearner.available()) {
            algorithm = Algorithm.RANDOM_FOREST;
            note = "XGBoost's native library did not load on this machine; trained Weka's random forest instead";
            LOG.warn(note);
        }
        int folds = Math.min(options.folds(), Math.min(positives, negatives));
        int[] fold = folds >= 2 ? stratifiedFolds(data.y, folds, options.seed()) : null;

        CrossValidation model = fold == null ? null : crossValidate(algorithm, data, fold, folds, options);
        List<CrossValidation> baselines = new ArrayList<>();
        if (fold != null) {
            for (Algorithm b : options.baselines()) {
                if (b != algorithm) {
                    baselines.add(crossValidate(b, data, fold, folds, options));
                }
            }
        }
        Learner learner = Learner.create(algorithm, data.features, options.seed(), data.applicantFeatures);
        learner.fit(data.x, data.y);

        Instant now = Instant.now();
        String version = "risk-" + STAMP.format(now) + "-" + algorithm.code().replaceFirst("^weka-", "") + "-"
                + data.sha256.substring(0, 8);
        List<Double> baseline = new ArrayList<>();
        List<List<Double>> quantiles = new ArrayList<>();
        for (int j = 0; j < data.features.size(); j++) {
            double[] col = column(data.x, j);
            quantiles.add(quantiles(col, 201));
            baseline.add(median(col));
        }
        RiskModelMetadata meta = new RiskModelMetadata(RiskModelMetadata.FORMAT_VERSION, version, algorithm.code(), label,
                data.features, data.applicantFeatures, data.sha256, data.rows(), positives, fold == null ? 0 : folds,
                model == null ? Double.NaN : model.auc(), model == null ? Double.NaN : model.brier(),
                model == null ? Double.NaN : model.threshold(), now, baseline, quantiles);
        TrainedRiskModel trained = new TrainedRiskModel(meta, learner.toBytes());
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainingReport(data.name, data.rows(), positives, fold == null ? 0 : folds, data.features,
                data.applicantFeatures, model, baselines, seconds, trained, note);
    }

    private static double[] column(double[][] x, int j) {
        return Arrays.stream(x).mapToDouble(r -> r[j]).filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    /** n evenly spaced order statistics of sorted values (empty when there are none). */
    static List<Double> quantiles(double[] sorted, int n) {
        List<Double> out = new ArrayList<>();
        if (sorted.length == 0) {
            return out;
        }
        for (int i = 0; i < n; i++) {
            out.add(sorted[(int) Math.round((double) i * (sorted.length - 1) / (n - 1))]);
        }
        return out;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    /** Fold of each row: positives and negatives shuffled apart and dealt round-robin. */
    static int[] stratifiedFolds(int[] y, int folds, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[y.length];
        for (int cls = 0; cls <= 1; cls++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == cls) {
                    idx.add(i);
                }
            }
            java.util.Collections.shuffle(idx, random);
            for (int k = 0; k < idx.size(); k++) {
                fold[idx.get(k)] = k % folds;
            }
        }
        return fold;
    }

    private CrossValidation crossValidate(Algorithm algorithm, Dataset data, int[] fold, int folds, Options options) {
        long start = System.nanoTime();
        double[] p = new double[data.rows()];
        for (int f = 0; f < folds; f++) {
            List<double[]> trainX = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                if (fold[i] == f) {
                    test.add(i);
                } else {
                    trainX.add(data.x[i]);
                    trainY.add(data.y[i]);
                }
            }
            Learner learner = Learner.create(algorithm, data.features, options.seed() + f, data.applicantFeatures);
            learner.fit(trainX.toArray(double[][]::new), trainY.stream().mapToInt(Integer::intValue).toArray());
            double[] pred = learner.predict(test.stream().map(i -> data.x[i]).toArray(double[][]::new));
            for (int k = 0; k < pred.length; k++) {
                p[test.get(k)] = pred[k];
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double threshold = options.threshold() != null ? options.threshold() : youden(p, data.y);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        double brier = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= threshold;
            if (data.y[i] == 1) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
            brier += (p[i] - data.y[i]) * (p[i] - data.y[i]);
        }
        CrossValidation cv = new CrossValidation(algorithm, auc(p, data.y), brier / p.length, threshold, tp, fp, tn, fn,
                seconds);
        LOG.info("{}: AUC {} in {} s", algorithm.code(), cv.auc(), seconds);
        return cv;
    }

    /** Area under the ROC curve by ranks (Mann–Whitney), ties counting half. */
    static double auc(double[] score, int[] y) {
        Integer[] idx = new Integer[score.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double rankSum = 0;
        long pos = 0;
        long neg = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j < idx.length && score[idx[j]] == score[idx[i]]) {
                j++;
            }
            double avgRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (y[idx[k]] == 1) {
                    rankSum += avgRank;
                    pos++;
                } else {
                    neg++;
                }
            }
            i = j;
        }
        return pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** The threshold maximising sensitivity + specificity − 1 over the observed probabilities. */
    static double youden(double[] p, int[] y) {
        double[] sorted = Arrays.stream(p).distinct().sorted().toArray();
        long pos = Arrays.stream(y).filter(v -> v == 1).count();
        long neg = y.length - pos;
        double best = 0.5;
        double bestJ = -1;
        for (double t : sorted) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] >= t) {
                    if (y[i] == 1) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double j = (double) tp / pos - (double) fp / neg;
            if (j > bestJ) {
                bestJ = j;
                best = t;
            }
        }
        return best;
    }
}
