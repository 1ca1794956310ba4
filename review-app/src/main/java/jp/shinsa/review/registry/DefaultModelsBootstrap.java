package jp.shinsa.review.registry;

import javax.sql.DataSource;
import jp.shinsa.review.config.ClusterLock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.scoring.fit.PurposeFitArtefact;
import jp.shinsa.scoring.risk.TrainedRiskModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fresh install scores immediately: when a kind has no active model, the default model is trained
 * on the demo training data shipped with the project, registered and activated — in the background,
 * so the login page does not wait for it (reviews do).
 */
@Component
@Order(5)
class DefaultModelsBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DefaultModelsBootstrap.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ModelRegistry registry;
    private final ActiveModels active;
    private final DataSource dataSource;

    DefaultModelsBootstrap(ModelRegistry registry, ActiveModels active, DataSource dataSource) {
        this.registry = registry;
        this.active = active;
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        ClassLoader loader = getClass().getClassLoader();
        ExecutorService once = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "default-models");
            t.setContextClassLoader(loader);
            t.setDaemon(true);
            return t;
        });
        once.submit(() -> {
            // Several instances starting at once on one database: one trains, the others then find its models.
            try (ClusterLock lock = ClusterLock.acquire(dataSource, ClusterLock.DEFAULT_MODELS)) {
                if (registry.active(ModelKind.RISK).isEmpty()) {
                    long t0 = System.nanoTime();
                    TrainedRiskModel m = PipelineFactory.defaultRiskModel();
                    var meta = m.metadata();
                    registry.register(ModelKind.RISK, m.version(), meta.algorithm(), JSON.writeValueAsString(meta.features()),
                            meta.trainingDataSha256(), m.metadataJson(), "system", m.toBytes());
                    registry.activate(m.version(), "default model trained on the demo past applicants at first start", "system");
                    log.info("default risk model {} ready in {} s", m.version(), (System.nanoTime() - t0) / 1_000_000_000);
                }
                if (registry.active(ModelKind.PURPOSE_FIT).isEmpty()) {
                    long t0 = System.nanoTime();
                    PurposeFitArtefact a = PipelineFactory.defaultPurposeFitModel();
                    registry.register(ModelKind.PURPOSE_FIT, a.version(), a.algorithm(), "[]", a.trainingSha256(),
                            JSON.writeValueAsString(a.metrics()), "system", a.toBytes());
                    registry.activate(a.version(), "default model trained on the demo past grants at first start", "system");
                    log.info("default purpose-fit model {} ready in {} s", a.version(), (System.nanoTime() - t0) / 1_000_000_000);
                }
                active.markReady();
            } catch (Throwable t) {
                log.error("could not prepare the default models", t);
                active.markFailed(t);
            } finally {
                once.shutdown();
            }
        });
    }
}
