package jp.shinsa.review.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.demo.DemoPackageGenerator;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.ReviewPipeline;

/**
 * {@code ./shinsa bench [--apps N] [--dir PARENT]}: the whole pipeline's speed. Reviews one
 * application repeatedly after a warm-up (median and p95 of warm runs), then a batch of N on all
 * cores, as {@code review --batch} does. Without --dir it generates N demo packages (5 files each);
 * with --dir it reviews the sub-folders of PARENT (cycled up to N). {@code --isolation on} reads in
 * worker processes as the workbench does (decision 016).
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        int apps = 100;
        Path dir = null;
        boolean isolated = CliModels.isolation();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--apps" -> apps = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--isolation" -> isolated = "on".equals(args[++i]);
                default -> {
                    err.println("usage: ./shinsa bench [--apps N] [--dir PARENT] [--isolation on|off]");
                    return 2;
                }
            }
        }
        long t0 = System.nanoTime();
        ReviewPipeline pipeline = CliModels.pipeline(err, isolated);
        double setup = (System.nanoTime() - t0) / 1e9;
        List<Path> folders = dir == null ? generate(apps) : cycle(dir, apps);
        Path one = folders.get(0);
        for (int i = 0; i < 3; i++) {
            ContractJson.toJsonLine(pipeline.review(one, null));
        }
        double[] warm = new double[10];
        for (int i = 0; i < warm.length; i++) {
            long s = System.nanoTime();
            ContractJson.toJsonLine(pipeline.review(one, null));
            warm[i] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(warm);
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long b0 = System.nanoTime();
        List<Future<String>> futures = new ArrayList<>();
        for (Path f : folders) {
            futures.add(pool.submit(() -> ContractJson.toJsonLine(pipeline.review(f, null))));
        }
        for (Future<String> f : futures) {
            f.get();
        }
        double batch = (System.nanoTime() - b0) / 1e9;
        pool.shutdown();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "{\"models_setup_s\": %.2f, \"one_application_warm_ms_median\": %.1f, "
                        + "\"one_application_warm_ms_p95\": %.1f, \"batch_applications\": %d, \"batch_s\": %.2f, "
                        + "\"threads\": %d, \"heap_used_mb\": %d, \"reading\": \"%s\", \"source\": \"%s\"}%n",
                setup, warm[warm.length / 2], warm[(int) Math.ceil(warm.length * 0.95) - 1], folders.size(), batch,
                threads, (rt.totalMemory() - rt.freeMemory()) >> 20, isolated ? "worker processes" : "in process", dir == null ? "demo packages" : dir.toString());
        return 0;
    }

    private static List<Path> generate(int n) throws Exception {
        Path parent = Files.createTempDirectory("shinsa-bench-");
        parent.toFile().deleteOnExit();
        DemoPackageGenerator generator = new DemoPackageGenerator();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DemoPackageGenerator.DemoPackage p = generator.generate(i);
            Path folder = Files.createDirectories(parent.resolve(p.name()));
            for (UploadedFile f : p.files()) {
                Files.write(folder.resolve(f.fileName()), f.content());
            }
            out.add(folder);
        }
        return out;
    }

    private static List<Path> cycle(Path parent, int n) throws Exception {
        List<Path> subs;
        try (var s = Files.list(parent)) {
            subs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n && !subs.isEmpty(); i++) {
            out.add(subs.get(i % subs.size()));
        }
        return out;
    }
}
