package jp.shinsa.review.cli;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.pipeline.ReviewPipeline;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.fit.EmbeddingPurposeFitScorer;
import jp.shinsa.scoring.risk.RiskBands;
import jp.shinsa.scoring.risk.RiskModels;

/**
 * The models the command line reviews with: the default models, trained on the project's own demo
 * data at start (deterministic; both in parallel, a few seconds). The workbench instead uses its
 * registry's active models. See docs/decisions/008-models-in-cli-and-workbench.md.
 */
final class CliModels {
    private CliModels() {
    }

    static ReviewPipeline pipeline(PrintStream err) {
        long t0 = System.nanoTime();
        // Not the common pool: its threads' context class loader cannot see the fat jar's nested
        // jars, where LangChain4j looks for its ONNX model.
        ClassLoader loader = CliModels.class.getClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "model-training");
            t.setContextClassLoader(loader);
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<RiskModel> risk = CompletableFuture.supplyAsync(
                () -> RiskModels.load(PipelineFactory.defaultRiskModel(), RiskBands.DEFAULT), pool);
        CompletableFuture<PurposeFitScorer> fit = CompletableFuture.supplyAsync(
                () -> EmbeddingPurposeFitScorer.of(PipelineFactory.defaultPurposeFitModel()), pool);
        RiskModel r = risk.join();
        PurposeFitScorer f = fit.join();
        pool.shutdown();
        err.printf("models ready in %.1f s: %s, %s%n", (System.nanoTime() - t0) / 1e9, r.version(), f.version());
        return PipelineFactory.standalone(() -> r, () -> f);
    }
}
