package jp.shinsa.scoring.risk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code train-risk --data FILE.(csv|arff) --label COLUMN [--folds 10] [--json] [--algorithm CODE]
 * [--out MODEL.bin]}: cross-validates the model and the baselines, prints the report (a table, or
 * one JSON object of the review contract with {@code --json}) and optionally writes the trained
 * model's bytes. Exit 0 on success, 2 on a usage error, 1 when training failed.
 */
public final class TrainRiskCommand {
    static final String USAGE = "usage: train-risk --data FILE.(csv|arff) --label COLUMN [--folds 10] [--json]"
            + " [--algorithm xgboost-gbtree|weka-logistic|weka-j48|weka-random-forest] [--out MODEL.bin]";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TrainRiskCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path data = null;
        String label = null;
        Path modelOut = null;
        boolean json = false;
        RiskTrainer.Options options = RiskTrainer.Options.defaults();
        List<String> rest = new ArrayList<>(List.of(args));
        if (!rest.isEmpty() && rest.get(0).equals("train-risk")) {
            rest.remove(0);
        }
        try {
            for (int i = 0; i < rest.size(); i++) {
                String a = rest.get(i);
                switch (a) {
                    case "--data" -> data = Path.of(value(rest, ++i, a));
                    case "--label" -> label = value(rest, ++i, a);
                    case "--folds" -> options = options.withFolds(Integer.parseInt(value(rest, ++i, a)));
                    case "--algorithm" -> options = options.withAlgorithm(Algorithm.ofCode(value(rest, ++i, a)));
                    case "--out" -> modelOut = Path.of(value(rest, ++i, a));
                    case "--json" -> json = true;
                    case "-h", "--help" -> {
                        out.println(USAGE);
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + a);
                }
            }
            if (data == null || label == null) {
                throw new IllegalArgumentException("--data and --label are required");
            }
            if (!Files.isRegularFile(data)) {
                throw new IllegalArgumentException("no such file: " + data);
            }
        } catch (IllegalArgumentException e) {
            err.println("train-risk: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        TrainingReport report;
        try {
            report = new RiskTrainer().train(data, label, options);
            if (modelOut != null) {
                Files.write(modelOut, report.trained().toBytes());
            }
        } catch (RuntimeException | IOException e) {
            err.println("train-risk: " + e.getMessage());
            return 1;
        }
        if (report.note() != null) {
            err.println("train-risk: " + report.note());
        }
        if (json) {
            out.println(JSON.writeValueAsString(toJson(report)));
        } else {
            printTable(report, modelOut, out);
        }
        return 0;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    static ObjectNode toJson(TrainingReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("rows", r.rows());
        n.put("positives", r.positives());
        n.put("folds", r.folds());
        n.put("algorithm", r.trained().metadata().algorithm());
        putNumber(n, "auc", r.model() == null ? Double.NaN : r.model().auc());
        putNumber(n, "brier", r.model() == null ? Double.NaN : r.model().brier());
        n.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        ArrayNode b = n.putArray("baselines");
        for (CrossValidation cv : r.baselines()) {
            ObjectNode o = b.addObject();
            o.put("algorithm", cv.algorithm().code());
            putNumber(o, "auc", cv.auc());
        }
        return n;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, Math.round(v * 10000) / 10000.0);
        }
    }

    private static void printTable(TrainingReport r, Path modelOut, PrintStream out) {
        out.printf(Locale.ROOT, "data       %s (%d rows, %d positives, %d features%s)%n", r.data(), r.rows(),
                r.positives(), r.features().size(), r.applicantFeatures() ? ", past-applicants format" : "");
        out.printf(Locale.ROOT, "folds      %d (stratified)%n", r.folds());
        out.printf(Locale.ROOT, "%-20s %7s %7s %9s %6s %6s %6s %6s %8s%n", "algorithm", "AUC", "Brier", "threshold",
                "TP", "FP", "TN", "FN", "seconds");
        List<CrossValidation> all = new ArrayList<>();
        if (r.model() != null) {
            all.add(r.model());
        }
        all.addAll(r.baselines());
        for (CrossValidation cv : all) {
            out.printf(Locale.ROOT, "%-20s %7.4f %7.4f %9.4f %6d %6d %6d %6d %8.1f%s%n", cv.algorithm().code(), cv.auc(),
                    cv.brier(), cv.threshold(), cv.truePositives(), cv.falsePositives(), cv.trueNegatives(),
                    cv.falseNegatives(), cv.seconds(), cv == r.model() ? "  <- model" : "");
        }
        out.printf(Locale.ROOT, "model      %s (%s), trained in %.1f s total%n", r.trained().version(),
                r.trained().metadata().algorithm(), r.seconds());
        if (modelOut != null) {
            out.println("written    " + modelOut);
        }
    }
}
