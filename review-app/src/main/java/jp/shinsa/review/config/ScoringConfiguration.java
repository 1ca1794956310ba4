package jp.shinsa.review.config;

import jp.shinsa.ingest.ApplicationFilesReader;
import jp.shinsa.ingest.ApplicationReader;
import jp.shinsa.ingest.IngestOptions;
import jp.shinsa.scoring.fit.NarrativeConfig;
import jp.shinsa.scoring.fit.NarrativeWriter;
import jp.shinsa.review.pipeline.ChildJvmApplicationReader;
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

    /**
     * Files are read in child JVMs unless {@code shinsa.reader.isolation=false}: a file that hangs a
     * parser or exhausts memory is killed with its process (docs/decisions/016-parsers-in-worker-processes.md).
     * One child per review worker unless {@code shinsa.reader.pool-size} says otherwise.
     */
    @Bean
    ApplicationFilesReader applicationReader(@Value("${shinsa.reader.isolation:true}") boolean isolation,
                                             @Value("${shinsa.reader.pool-size:${shinsa.review.threads:1}}") int poolSize,
                                             @Value("${shinsa.reader.heap-mb:768}") int heapMb,
                                             @Value("${shinsa.reader.recycle-after-files:500}") int recycleAfter,
                                             @Value("${shinsa.reader.time-per-file-seconds:120}") int timePerFile) {
        IngestOptions options = IngestOptions.defaults().withTimePerFile(java.time.Duration.ofSeconds(timePerFile));
        if (!isolation) {
            return new ApplicationReader(options);
        }
        return new ChildJvmApplicationReader(ChildJvmApplicationReader.Settings.of(options, poolSize)
                .withMaxHeapMb(heapMb).withRecycleAfterFiles(recycleAfter));
    }

    @Bean
    ReviewPipeline reviewPipeline(ApplicationFilesReader reader, ProgramService programs, ActiveModels models,
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

}
