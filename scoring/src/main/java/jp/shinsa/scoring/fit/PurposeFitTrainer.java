package jp.shinsa.scoring.fit;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.shinsa.models.Catalogs;
import jp.shinsa.models.PastGrant;
import jp.shinsa.models.Program;
import weka.classifiers.functions.Logistic;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Rebuilds the purpose-fit index and model from past grants (the admin's "retrain"). Each past grant
 * gives two training rows, both with the grant itself held out: one against the rest of the index
 * ("a type we have decided before") and one with every decision on the same item type held out too
 * ("a type never seen"), so the model learns how much to trust near neighbours and how much the
 * program's purpose and the neighbouring types. Labels: AWARDED/REDUCED = fits, REJECTED = does not.
 * The similarity features are combined by Weka's ridge logistic regression; its cross-validated AUC
 * (folds by grant) is recorded in the artefact. See docs/decisions/006-purpose-fit.md.
 */
public final class PurposeFitTrainer {
    /**
     * @param folds          cross-validation folds for the metrics
     * @param typeSimilarity combined similarity at or above which another decision counts as the same
     *                       item type (held out for the "never seen" row)
     * @param fitAt          probability at or above which the hint is FIT
     * @param unfitAt        probability below which the hint is UNFIT (REVIEW between)
     * @param ridge          ridge of the logistic regression
     */
    public record Options(int folds, double typeSimilarity, double fitAt, double unfitAt, double ridge, long seed) {
        public static Options defaults() {
            return new Options(10, 0.72, 0.6, 0.4, 1e-2, 1);
        }
    }

    private final Options options;

    public PurposeFitTrainer() {
        this(Options.defaults());
    }

    public PurposeFitTrainer(Options options) {
        this.options = options;
    }

    /** Trains against the programs of programs.csv. */
    public PurposeFitArtefact train(List<PastGrant> grants) {
        return train(grants, Catalogs.programs());
    }

    public PurposeFitArtefact train(List<PastGrant> grants, Map<String, Program> programs) {
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("no past grants to train on");
        }
        Map<String, String> purposes = new LinkedHashMap<>();
        programs.values().forEach(p -> purposes.put(p.code(), p.purposeJa() == null ? p.nameJa() : p.purposeJa()));
        long t0 = System.nanoTime();
        FitIndex index = new FitIndex(grants, purposes);
        long t1 = System.nanoTime();
        Rows rows = rows(index);
        Instances data = instances(rows);
        Map<String, Double> metrics = crossValidate(rows, data);
        Logistic model = logistic();
        try {
            model.buildClassifier(data);
        } catch (Exception e) {
            throw new IllegalStateException("training the purpose-fit model failed", e);
        }
        long t2 = System.nanoTime();

        metrics.put("indexSeconds", (t1 - t0) / 1e9);
        metrics.put("trainSeconds", (t2 - t1) / 1e9);
        metrics.put("distinctItemTexts", (double) index.texts.length);
        String sha = sha256(index.grantsCsv);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String version = "fit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now)
                + "-" + sha.substring(0, 8);
        FitPayload payload = new FitPayload(index, model, new Instances(data, 0), options.fitAt(), options.unfitAt());
        String algorithm = "weka.Logistic(ridge=" + options.ridge() + "; " + FitIndex.FEATURES.size()
                + " similarity features; " + BgeEmbedder.MODEL_NAME + " + kuromoji/char-bigram idf)";
        return new PurposeFitArtefact(version, algorithm, sha, grants.size(), metrics, now, payload.toBytes());
    }

    static String sha256(String canonicalCsv) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalCsv.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of past grants as {@link PurposeFitArtefact#trainingSha256()} computes it. */
    public static String sha256(List<PastGrant> grants) {
        StringWriter w = new StringWriter();
        PastGrantCsv.write(grants, w);
        return sha256(w.toString());
    }

    private Logistic logistic() {
        Logistic l = new Logistic();
        l.setRidge(options.ridge());
        l.setMaxIts(200);
        return l;
    }

    private record Rows(List<double[]> x, List<Boolean> y, List<Integer> grant, List<Boolean> unseen) {
    }

    private Rows rows(FitIndex index) {
        List<PastGrant> grants = index.grants();
        Map<Integer, FitIndex.Query> queries = new LinkedHashMap<>();
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < grants.size(); i++) {
            PastGrant g = grants.get(i);
            int t = index.textOf(i);
            FitIndex.Query q = queries.computeIfAbsent(t, index::queryForText);
            int p = index.programIndex(g.program());
            if (p < 0) {
                continue;
            }
            BitSet self = new BitSet();
            self.set(i);
            BitSet type = new BitSet();
            for (int j = 0; j < grants.size(); j++) {
                if (j == i || q.combined(index.textOf(j)) >= options.typeSimilarity()) {
                    type.set(j);
                }
            }
            boolean fit = g.decision().fitted();
            rows.x().add(index.features(q, p, index.purposeEmb[p], index.purposeLex(p), self));
            rows.y().add(fit);
            rows.grant().add(i);
            rows.unseen().add(false);
            rows.x().add(index.features(q, p, index.purposeEmb[p], index.purposeLex(p), type));
            rows.y().add(fit);
            rows.grant().add(i);
            rows.unseen().add(true);
        }
        return rows;
    }

    static Instances header() {
        ArrayList<Attribute> atts = new ArrayList<>();
        for (String f : FitIndex.FEATURES) {
            atts.add(new Attribute(f));
        }
        atts.add(new Attribute("fit", List.of("no", "yes")));
        Instances data = new Instances("purpose_fit", atts, 0);
        data.setClassIndex(atts.size() - 1);
        return data;
    }

    private static Instances instances(Rows rows) {
        Instances data = header();
        for (int r = 0; r < rows.x().size(); r++) {
            double[] v = java.util.Arrays.copyOf(rows.x().get(r), FitIndex.FEATURES.size() + 1);
            v[v.length - 1] = rows.y().get(r) ? 1 : 0;
            data.add(new DenseInstance(1, v));
        }
        return data;
    }

    private Map<String, Double> crossValidate(Rows rows, Instances data) {
        int n = rows.x().size();
        int grantCount = rows.grant().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int[] foldOfGrant = new int[grantCount];
        List<Integer> order = new ArrayList<>();
        for (int g = 0; g < grantCount; g++) {
            order.add(g);
        }
        java.util.Collections.shuffle(order, new Random(options.seed()));
        int folds = Math.max(2, Math.min(options.folds(), grantCount));
        for (int k = 0; k < order.size(); k++) {
            foldOfGrant[order.get(k)] = k % folds;
        }
        double[] prob = new double[n];
        try {
            for (int f = 0; f < folds; f++) {
                Instances train = new Instances(data, 0);
                for (int r = 0; r < n; r++) {
                    if (foldOfGrant[rows.grant().get(r)] != f) {
                        train.add(data.get(r));
                    }
                }
                Logistic m = logistic();
                m.buildClassifier(train);
                for (int r = 0; r < n; r++) {
                    if (foldOfGrant[rows.grant().get(r)] == f) {
                        prob[r] = m.distributionForInstance(data.get(r))[1];
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cross-validating the purpose-fit model failed", e);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cvAucSeenTypes", auc(rows, prob, false));
        m.put("cvAucUnseenTypes", auc(rows, prob, true));
        double hint = 0;
        for (int r = 0; r < n; r++) {
            hint += hintCredit(prob[r], rows.y().get(r), options.fitAt(), options.unfitAt());
        }
        m.put("cvHintAccuracy", hint / n);
        m.put("folds", (double) folds);
        return m;
    }

    static double hintCredit(double p, boolean fit, double fitAt, double unfitAt) {
        if (p >= fitAt) {
            return fit ? 1 : 0;
        }
        if (p < unfitAt) {
            return fit ? 0 : 1;
        }
        return 0.5;
    }

    private static double auc(Rows rows, double[] prob, boolean unseen) {
        List<Double> pos = new ArrayList<>();
        List<Double> neg = new ArrayList<>();
        for (int r = 0; r < prob.length; r++) {
            if (rows.unseen().get(r) == unseen) {
                (rows.y().get(r) ? pos : neg).add(prob[r]);
            }
        }
        return auc(pos, neg);
    }

    /** Mann–Whitney AUC with ties counted half; NaN when a class is empty. */
    static double auc(List<Double> pos, List<Double> neg) {
        if (pos.isEmpty() || neg.isEmpty()) {
            return Double.NaN;
        }
        double[] n = neg.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double s = 0;
        for (double p : pos) {
            int lo = lowerBound(n, p);
            int hi = upperBound(n, p);
            s += lo + (hi - lo) / 2.0;
        }
        return s / ((double) pos.size() * n.length);
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
