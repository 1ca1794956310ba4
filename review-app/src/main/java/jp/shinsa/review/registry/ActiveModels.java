package jp.shinsa.review.registry;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.scoring.PurposeFitScorer;
import jp.shinsa.scoring.RiskModel;
import jp.shinsa.scoring.risk.RiskBands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The models that score now: the registry's ACTIVE model of each kind, loaded once per version.
 * Reviews ask through {@link #risk()} and {@link #purposeFit()}; until the first models exist (a
 * fresh install trains them at start, in the background) they wait for them.
 */
@Service
public class ActiveModels {
    private static final Logger log = LoggerFactory.getLogger(ActiveModels.class);
    private final ModelRegistry registry;
    private final RiskBands bands;
    private final Map<String, Object> loaded = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    ActiveModels(ModelRegistry registry, @Value("${shinsa.risk.medium-from:15}") double mediumFrom,
                 @Value("${shinsa.risk.high-from:40}") double highFrom) {
        this.registry = registry;
        this.bands = new RiskBands(mediumFrom, highFrom);
    }

    void markReady() {
        ready.complete(null);
    }

    void markFailed(Throwable t) {
        ready.completeExceptionally(t);
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    public Supplier<RiskModel> riskSupplier() {
        return this::risk;
    }

    public Supplier<PurposeFitScorer> purposeFitSupplier() {
        return this::purposeFit;
    }

    public RiskModel risk() {
        await();
        return registry.active(ModelKind.RISK).map(v -> (RiskModel) loaded.computeIfAbsent(v.version(),
                k -> PipelineFactory.loadRisk(registry.artefact(k), bands))).orElse(null);
    }

    public PurposeFitScorer purposeFit() {
        await();
        return registry.active(ModelKind.PURPOSE_FIT).map(v -> (PurposeFitScorer) loaded.computeIfAbsent(v.version(),
                k -> PipelineFactory.loadPurposeFit(registry.artefact(k)))).orElse(null);
    }

    /** A registered model by version, loaded (used to compare a candidate with the active model). */
    public Object load(ModelVersion v) {
        return loaded.computeIfAbsent(v.version(), k -> v.kind() == ModelKind.RISK
                ? PipelineFactory.loadRisk(registry.artefact(k), bands)
                : PipelineFactory.loadPurposeFit(registry.artefact(k)));
    }

    private void await() {
        try {
            ready.get(10, TimeUnit.MINUTES);
        } catch (Exception e) {
            log.warn("models are not ready: {}", e.toString());
        }
    }
}
