package jp.shinsa.scoring.risk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import weka.classifiers.Classifier;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;

/** Weka's logistic regression, J48 and random forest behind {@link Learner}. */
final class WekaLearner implements Learner {
    static final int FOREST_TREES = 100;
    /** Logistic's BFGS runs to convergence by default, which takes minutes on 64 skewed ratios. */
    static final int LOGISTIC_MAX_ITERATIONS = 200;

    private final Classifier classifier;
    private final Instances header;

    private WekaLearner(Classifier classifier, List<String> features) {
        this.classifier = classifier;
        this.header = header(features);
    }

    WekaLearner(Algorithm algorithm, List<String> features, long seed) {
        this(newClassifier(algorithm, seed), features);
    }

    static WekaLearner load(Algorithm algorithm, List<String> features, byte[] bytes) {
        try {
            return new WekaLearner((Classifier) SerializationHelper.read(new ByteArrayInputStream(bytes)), features);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a serialised Weka " + algorithm.code() + " model", e);
        }
    }

    private static Classifier newClassifier(Algorithm algorithm, long seed) {
        return switch (algorithm) {
            case LOGISTIC -> {
                Logistic l = new Logistic();
                l.setMaxIts(LOGISTIC_MAX_ITERATIONS);
                yield l;
            }
            case DECISION_TREE -> new J48();
            case RANDOM_FOREST -> {
                RandomForest rf = new RandomForest();
                rf.setNumIterations(FOREST_TREES);
                rf.setNumExecutionSlots(2);
                rf.setSeed((int) seed);
                yield rf;
            }
            case GRADIENT_BOOSTING -> throw new IllegalArgumentException("not a Weka learner: " + algorithm);
        };
    }

    private static Instances header(List<String> features) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String f : features) {
            attributes.add(new Attribute(f));
        }
        attributes.add(new Attribute("class", List.of("0", "1")));
        Instances h = new Instances("risk", attributes, 0);
        h.setClassIndex(features.size());
        return h;
    }

    private Instances instances(double[][] x, int[] y) {
        Instances data = new Instances(header, x.length);
        for (int i = 0; i < x.length; i++) {
            double[] row = new double[x[i].length + 1];
            for (int j = 0; j < x[i].length; j++) {
                row[j] = Double.isNaN(x[i][j]) ? Utils.missingValue() : x[i][j];
            }
            row[x[i].length] = y == null ? Utils.missingValue() : y[i];
            data.add(new DenseInstance(1.0, row));
        }
        return data;
    }

    @Override
    public void fit(double[][] x, int[] y) {
        try {
            classifier.buildClassifier(instances(x, y));
        } catch (Exception e) {
            throw new IllegalStateException("Weka training failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized double[] predict(double[][] x) {
        Instances data = instances(x, null);
        double[] out = new double[x.length];
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = classifier.distributionForInstance(data.instance(i))[1];
            }
        } catch (Exception e) {
            throw new IllegalStateException("Weka prediction failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public byte[] toBytes() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SerializationHelper.write(out, classifier);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise the Weka model", e);
        }
    }
}
