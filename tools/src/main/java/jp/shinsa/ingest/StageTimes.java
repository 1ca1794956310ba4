package jp.shinsa.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.shinsa.ingest.layout.DocumentLayout;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.ExtractedDocument;
import jp.shinsa.models.Program;
import jp.shinsa.review.cli.CliModels;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.pipeline.ReviewPipeline;
import jp.shinsa.scoring.ApplicationCheck;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.models.Catalogs;

/**
 * {@code ./shinsa bench --stages [PARENT] [PASSES]}: what each stage of a review costs on its own, in
 * CPU time of the calling thread per application (docs/benchmarks.md, "Whole review against plain
 * reading"; docs/decisions/021-review-speed.md). Every file is detected, read into a layout and
 * analysed one stage at a time, beside the plain PDFBox/POI read of the same file; then each check,
 * the risk model, purpose fit and the contract JSON of the application. Lines marked WALL are
 * wall-clock times: the application read on this thread against the same read through the ingest
 * pool. In package {@code jp.shinsa.ingest} to reach the reader's package-private stages (the tools
 * jar and the product share one class loader, decision 019); the pipeline's models are taken from
 * its fields by reflection. A measuring tool, not a product feature.
 */
public final class StageTimes {
    private StageTimes() {
    }

    static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    static long cpu() {
        return MX.getCurrentThreadCpuTime();
    }

    static void fitParts(PurposeFitScorer fit, ExtractedApplication app, Program program) throws Exception {
        if (program == null || !(fit instanceof jp.shinsa.scoring.fit.EmbeddingPurposeFitScorer e)) {
            return;
        }
        var m = e.model();
        for (var item : app.items()) {
            long a = cpu();
            m.sameNamed(item.name(), 0.7);
            long b = cpu();
            add("fit: sameNamed (unit price)", b - a);
            m.neighbours(item.name(), item.spec(), 60);
            add("fit: neighbours (query + sort)", cpu() - b);
        }
    }

    static final Map<String, long[]> T = new LinkedHashMap<>();

    static void add(String k, long ns) {
        T.computeIfAbsent(k, x -> new long[1])[0] += ns;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path dir = Path.of(args.length > 1 ? args[1] : "../shared/corpus/dev");
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> folders;
        try (var s = Files.list(dir)) {
            folders = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("truth")).sorted().toList();
        }
        ReviewPipeline pipeline = CliModels.pipeline(err, false);
        // pull the models out through the pipeline's suppliers by reflection
        var f1 = ReviewPipeline.class.getDeclaredField("riskModel");
        f1.setAccessible(true);
        var f2 = ReviewPipeline.class.getDeclaredField("fitScorer");
        f2.setAccessible(true);
        var f3 = ReviewPipeline.class.getDeclaredField("checks");
        f3.setAccessible(true);
        RiskModel risk = ((java.util.function.Supplier<RiskModel>) f1.get(pipeline)).get();
        PurposeFitScorer fit = ((java.util.function.Supplier<PurposeFitScorer>) f2.get(pipeline)).get();
        @SuppressWarnings("unchecked")
        List<ApplicationCheck> checks = (List<ApplicationCheck>) f3.get(pipeline);
        IngestOptions options = IngestOptions.defaults();
        FileLayoutReader layouts = new FileLayoutReader(options, null);
        FileTypes types = new FileTypes(options);
        ApplicationReader reader = new ApplicationReader(options);
        DocumentClassifier classifier = new DocumentClassifier();
        org.apache.poi.ss.usermodel.DataFormatter fmt = new org.apache.poi.ss.usermodel.DataFormatter();
        for (int p = -1; p < passes; p++) {
            T.clear();
            long all0 = cpu();
            for (Path folder : folders) {
                List<Path> files;
                try (var s = Files.list(folder)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    long a = cpu();
                    try {
                        types.of(file);
                    } catch (Exception e) {
                    }
                    long b = cpu();
                    add("file: type detection (FileTypes.of)", b - a);
                    DocumentLayout layout = null;
                    try {
                        layout = layouts.read(file, name);
                    } catch (Exception e) {
                    }
                    long c = cpu();
                    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    add("file: detection + layout (FileLayoutReader.read)", c - b);
                    add("file: detection + layout " + ext, c - b);
                    long q0 = cpu();
                    try {
                        jp.shinsa.tools.bench.RatioBench.read(file, fmt);
                    } catch (Exception e) {
                    }
                    long q1 = cpu();
                    add("plain read " + ext, q1 - q0);
                    add("plain read all", q1 - q0);
                    c += q1 - q0;
                    if (layout != null) {
                        classifier.classify(layout.text());
                        long d = cpu();
                        add("file: classification", d - c);
                        try {
                            reader.analyse(name, layout, null);
                        } catch (RuntimeException e) {
                        }
                        add("file: analyse (classify, extract, spread, proofread)", cpu() - d);
                    }
                }
                long w0 = System.nanoTime();
                for (Path file : files) {
                    try {
                        reader.analyse(file.getFileName().toString(), layouts.read(file, file.getFileName().toString()), null);
                    } catch (Exception e) {
                    }
                }
                add("WALL app: read on this thread (layout + analyse)", System.nanoTime() - w0);
                long r0 = System.nanoTime();
                ExtractedApplication app = reader.read(folder.getFileName().toString(), files);
                long r1 = System.nanoTime();
                add("WALL app: ApplicationReader.read (pool)", r1 - r0);
                Program program = app.program() == null ? null : Catalogs.program(app.program()).orElse(null);
                for (int i = 0; i < checks.size(); i++) {
                    long c0 = cpu();
                    checks.get(i).check(app, program);
                    add("app: check " + i, cpu() - c0);
                }
                long k0 = cpu();
                fitParts(fit, app, program);
                k0 = cpu();
                risk.score(app);
                long k1 = cpu();
                add("app: risk", k1 - k0);
                fit.score(app, program);
                long k2 = cpu();
                add("app: purpose fit", k2 - k1);
                var review = pipeline.review(app, null);
                long k3 = cpu();
                ContractJson.toJsonLine(review);
                add("app: contract JSON", cpu() - k3);
            }
            if (p >= 0) {
                out.printf(Locale.ROOT, "pass %d (%.1f s)%n", p + 1, (cpu() - all0) / 1e9);
                T.forEach((k, v) -> out.printf(Locale.ROOT, "  %-55s %7.2f ms/app%n", k, v[0] / 1e6 / folders.size()));
            }
        }
        return 0;
    }
}
