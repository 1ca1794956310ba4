package jp.shinsa.review.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.review.pipeline.ChildJvmApplicationReader;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.pipeline.ReviewPipeline;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.risk.RiskBands;

/**
 * The models the command line reviews with: the default models, trained on the demo training data
 * shipped with the project. Training the purpose-fit model embeds 2,000 past grants (tens of seconds),
 * so both trained models are cached under {@code ~/.shinsa/cli-models}, keyed by the training data and
 * the build; a cache that cannot be read is retrained. The workbench uses its registry's active
 * models instead. See docs/decisions/008-models-in-cli-and-workbench.md.
 */
public final class CliModels {
    private CliModels() {
    }

    /** The standalone pipeline with the cached default models (also the tools' benchmarks use it). */
    public static ReviewPipeline pipeline(PrintStream err) {
        return pipeline(err, isolation());
    }

    /**
     * Whether the command line reads files in worker processes: off unless the system property or
     * environment variable {@code shinsa.reader.isolation} / {@code SHINSA_READER_ISOLATION} is
     * {@code true} (a command is one short process: what a runaway parse holds ends with it). See
     * docs/decisions/016-parsers-in-worker-processes.md.
     */
    public static boolean isolation() {
        String v = System.getProperty("shinsa.reader.isolation", System.getenv("SHINSA_READER_ISOLATION"));
        return Boolean.parseBoolean(v);
    }

    /** The reader of a command: in process, or a pool of as many child JVMs as the command reads at once. */
    public static ApplicationFilesReader reader(boolean isolated, IngestOptions options, int concurrency) {
        return isolated ? new ChildJvmApplicationReader(ChildJvmApplicationReader.Settings.of(options, concurrency))
                : new ApplicationReader(options);
    }

    public static ReviewPipeline pipeline(PrintStream err, boolean isolated) {
        ApplicationFilesReader reader = reader(isolated, IngestOptions.defaults(),
                Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4)));
        long t0 = System.nanoTime();
        Path cache = cacheDir();
        String key = key();
        // Not the common pool: its threads' context class loader cannot see the fat jar's nested
        // jars, where LangChain4j looks for its ONNX model.
        ClassLoader loader = CliModels.class.getClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "model-loading");
            t.setContextClassLoader(loader);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<RiskModel> risk = CompletableFuture.supplyAsync(() -> cached(cache.resolve("risk-" + key + ".bin"),
                () -> PipelineFactory.defaultRiskModel().toBytes(), b -> PipelineFactory.loadRisk(b, RiskBands.DEFAULT), err), pool);
        CompletableFuture<PurposeFitScorer> fit = CompletableFuture.supplyAsync(() -> cached(cache.resolve("fit-" + key + ".bin"),
                () -> PipelineFactory.defaultPurposeFitModel().toBytes(), PipelineFactory::loadPurposeFit, err), pool);
        RiskModel r = risk.join();
        PurposeFitScorer f = fit.join();
        pool.shutdown();
        err.printf("models ready in %.1f s: %s, %s%n", (System.nanoTime() - t0) / 1e9, r.version(), f.version());
        if (isolated) {
            err.println("reading files in worker processes (shinsa.reader.isolation=true)");
        }
        return PipelineFactory.standalone(reader, () -> r, () -> f);
    }

    private static <T> T cached(Path file, Supplier<byte[]> train, Function<byte[], T> load, PrintStream err) {
        if (Files.isRegularFile(file)) {
            try {
                return load.apply(Files.readAllBytes(file));
            } catch (IOException | RuntimeException e) {
                err.println("model cache " + file + " unreadable (" + e.getMessage() + "); training again");
            }
        }
        err.println("training the default model " + file.getFileName() + " (first run only)…");
        byte[] bytes = train.get();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "model-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            err.println("could not cache the model in " + file.getParent() + ": " + e.getMessage());
        }
        return load.apply(bytes);
    }

    private static Path cacheDir() {
        String dir = System.getProperty("shinsa.data-dir", System.getenv("SHINSA_DATADIR"));
        Path base = dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".shinsa") : Path.of(dir);
        return base.resolve("cli-models");
    }

    /** The training data and the build (the jar's size and time): new code or data means new models. */
    private static String key() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(PipelineFactory.demoPastApplicants());
            md.update(PipelineFactory.demoPastGrants());
            var source = CliModels.class.getProtectionDomain().getCodeSource();
            String location = source == null ? "" : source.getLocation().toString();
            Path jar = location.startsWith("jar:") || location.startsWith("nested:") ? jarPath(location) : null;
            if (jar != null && Files.isRegularFile(jar)) {
                md.update((Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis()).getBytes());
            } else {
                md.update(location.getBytes());
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (Exception e) {
            return "nocache-" + System.nanoTime();
        }
    }

    private static Path jarPath(String location) {
        String s = location.replaceFirst("^(jar:)?(nested:)?(file:)?", "");
        int bang = s.indexOf('!');
        if (bang >= 0) {
            s = s.substring(0, bang);
        }
        int slash = s.indexOf("/!");
        return Path.of(slash >= 0 ? s.substring(0, slash) : s);
    }
}
