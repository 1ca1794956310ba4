package jp.shinsa.scoring.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.RiskFactor;
import jp.shinsa.models.RiskScore;
import jp.shinsa.scoring.RiskModel;

/**
 * A trained model that scores applications and explains each score with exact Shapley values
 * against a baseline row (docs/decisions/005-risk-explanation.md): the score is 100 × P(distress);
 * the factors are the baseline's score plus one contribution per model feature, rounded to 0.01
 * points so that they add up to the (rounded) score exactly.
 */
public abstract sealed class ExplainedRiskModel implements RiskModel permits WekaRiskModel, XGBoostRiskModel {
    /** Exact Shapley values need 2^K predictions; beyond this many features that is too slow. */
    static final int MAX_EXPLAINED_FEATURES = 16;
    public static final String BASELINE_FACTOR = "baseline";

    private final TrainedRiskModel trained;
    private final Learner learner;
    private final RiskBands bands;
    private final double[] baseline;

    ExplainedRiskModel(TrainedRiskModel trained, RiskBands bands) {
        this.trained = Objects.requireNonNull(trained, "trained");
        this.bands = Objects.requireNonNull(bands, "bands");
        RiskModelMetadata m = trained.metadata();
        if (!m.applicantFeatures()) {
            throw new IllegalArgumentException("model " + m.version()
                    + " was trained on a generic data set, not on past applicants: it cannot score applications");
        }
        if (m.features().size() > MAX_EXPLAINED_FEATURES) {
            throw new IllegalArgumentException("too many features to explain exactly: " + m.features().size());
        }
        this.learner = Learner.load(trained.algorithm(), m.features(), trained.learner());
        this.baseline = m.baseline().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String version() {
        return trained.version();
    }

    public TrainedRiskModel trained() {
        return trained;
    }

    public RiskBands bands() {
        return bands;
    }

    @Override
    public RiskScore score(ExtractedApplication application) {
        return score(RiskFeatures.of(application));
    }

    /** Scores features computed elsewhere (e.g. from corrected figures). */
    public RiskScore score(RiskFeatures features) {
        List<String> names = trained.metadata().features();
        double[] x = features.vector(names);
        int k = names.size();
        int subsets = 1 << k;
        double[][] rows = new double[subsets][];
        for (int mask = 0; mask < subsets; mask++) {
            double[] row = baseline.clone();
            for (int j = 0; j < k; j++) {
                if ((mask & (1 << j)) != 0) {
                    row[j] = x[j];
                }
            }
            rows[mask] = row;
        }
        double[] p = learner.predict(rows);
        double[] v = new double[subsets];
        for (int i = 0; i < subsets; i++) {
            v[i] = 100 * Math.min(1, Math.max(0, p[i]));
        }
        double[] phi = shapley(v, k);

        BigDecimal total = round(v[subsets - 1]);
        BigDecimal base = round(v[0]);
        BigDecimal[] contributions = new BigDecimal[k];
        BigDecimal sum = base;
        int largest = -1;
        for (int j = 0; j < k; j++) {
            contributions[j] = round(phi[j]);
            sum = sum.add(contributions[j]);
            if (largest < 0 || Math.abs(phi[j]) > Math.abs(phi[largest])) {
                largest = j;
            }
        }
        // Rounding each term to 0.01 can leave a few hundredths over; the largest term absorbs them.
        BigDecimal residual = total.subtract(sum);
        if (residual.signum() != 0) {
            if (largest >= 0) {
                contributions[largest] = contributions[largest].add(residual);
            } else {
                base = base.add(residual);
            }
        }

        List<RiskFactor> factors = new ArrayList<>();
        factors.add(new RiskFactor(BASELINE_FACTOR, null, base.doubleValue(), RiskReasons.baseline(base.doubleValue()), null));
        List<RiskFactor> modelled = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            RiskFeature f = RiskFeature.ofCode(names.get(j)).orElseThrow();
            Double value = Double.isNaN(x[j]) ? null : x[j];
            double c = contributions[j].doubleValue();
            modelled.add(new RiskFactor(f.code(), value, c,
                    RiskReasons.modelled(f, value, c, trained.metadata().quantiles().get(j)), features.source(f)));
        }
        modelled.sort(Comparator.comparingDouble((RiskFactor r) -> -Math.abs(r.contribution())));
        factors.addAll(modelled);
        for (RiskFeature f : RiskFeature.values()) {
            if (!names.contains(f.code()) && features.value(f) != null) {
                factors.add(new RiskFactor(f.code(), features.value(f), 0.0, RiskReasons.reference(f, features.value(f)),
                        features.source(f)));
            }
        }
        double score = total.doubleValue();
        return new RiskScore(score, bands.band(score), version(), factors);
    }

    private static BigDecimal round(double d) {
        return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** Exact Shapley values of the set function v (indexed by bit mask) over k players. */
    static double[] shapley(double[] v, int k) {
        double[] weight = new double[k];
        for (int s = 0; s < k; s++) {
            // s! (k − s − 1)! / k!
            double w = 1.0 / k;
            for (int i = 1; i <= s; i++) {
                w *= (double) i / (k - i);
            }
            weight[s] = w;
        }
        double[] phi = new double[k];
        for (int mask = 0; mask < v.length; mask++) {
            int size = Integer.bitCount(mask);
            for (int j = 0; j < k; j++) {
                int bit = 1 << j;
                if ((mask & bit) == 0) {
                    phi[j] += weight[size] * (v[mask | bit] - v[mask]);
                }
            }
        }
        return phi;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + version() + String.format(Locale.ROOT, ", auc %.3f]", trained.metadata().auc());
    }
}
