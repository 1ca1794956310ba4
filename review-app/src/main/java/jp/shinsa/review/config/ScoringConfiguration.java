package jp.shinsa.review.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.scoring.fit.NarrativeConfig;
import jp.shinsa.scoring.fit.NarrativeWriter;
import jp.shinsa.review.mapping.LearnedMappingService;
import jp.shinsa.review.pipeline.PipelineFactory;
import jp.shinsa.review.pipeline.ReviewPipeline;
import jp.shinsa.review.program.ProgramService;
import jp.shinsa.review.registry.ActiveModels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-free ingest and scoring objects, created with explicit {@code @Bean} methods (STYLE.md §4). */
@Configuration(proxyBeanMethods = false)
class ScoringConfiguration {

    @Bean
    ApplicationReader applicationReader() {
        return new ApplicationReader();
    }

    @Bean
    ReviewPipeline reviewPipeline(ApplicationReader reader, ProgramService programs, ActiveModels models,
                                  LearnedMappingService learned) {
        return new ReviewPipeline(reader, PipelineFactory.standardChecks(models.purposeFitSupplier()),
                models.riskSupplier(), models.purposeFitSupplier(), programs, learned::active);
    }

    /**
     * The optional language model that writes a narrative rationale from the evidence. Off unless an
     * admin configures an OpenAI-compatible endpoint: nothing leaves the machine otherwise.
     */
    @Bean
    NarrativeWriter narrativeWriter(@Value("${shinsa.llm.enabled:false}") boolean enabled,
                                    @Value("${shinsa.llm.base-url:}") String baseUrl,
                                    @Value("${shinsa.llm.model:}") String model,
                                    @Value("${shinsa.llm.api-key:}") String apiKey,
                                    @Value("${shinsa.llm.timeout-seconds:30}") int timeoutSeconds) {
        return new NarrativeWriter(enabled && !baseUrl.isBlank()
                ? new NarrativeConfig(true, baseUrl, model, apiKey, java.time.Duration.ofSeconds(timeoutSeconds))
                : NarrativeConfig.disabled());
    }

    /** Background reviews: bounded, so uploads never starve page requests on two cores. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService reviewExecutor(@Value("${shinsa.review.threads:1}") int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "review-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
