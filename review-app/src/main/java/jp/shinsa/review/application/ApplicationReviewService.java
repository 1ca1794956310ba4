package jp.shinsa.review.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RiskBand;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.ReviewPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives applications, runs the first pass in the background and keeps its result. Files are
 * stored before anything is read, so a crash mid-review leaves an application that is resumed at the
 * next start ({@link #resumeUnfinished()}), never a half-ingested one.
 */
@Service
public class ApplicationReviewService {
    private static final Logger log = LoggerFactory.getLogger(ApplicationReviewService.class);
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final ReviewPipeline pipeline;
    private final ExecutorService executor;
    private final TransactionTemplate tx;

    ApplicationReviewService(JdbcApplicationRepository applications, AuditLog audit, ReviewPipeline pipeline,
                             @Qualifier("reviewExecutor") ExecutorService executor, TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.pipeline = pipeline;
        this.executor = executor;
        this.tx = tx;
    }

    /** Stores the files of a new application and starts its review in the background. */
    @PreAuthorize("hasAnyRole('EXAMINER','ADMIN')")
    public long submit(String actor, String name, List<UploadedFile> files) {
        return submitAsSystem(actor, name, files);
    }

    /** Also used by the demo loader at first start, when nobody is logged in. */
    public long submitAsSystem(String actor, String name, List<UploadedFile> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("an application needs at least one file");
        }
        Map<String, UploadedFile> byName = new LinkedHashMap<>();
        for (UploadedFile f : files) {
            String safe = FileNames.safe(f.fileName());
            String unique = safe;
            for (int n = 2; byName.containsKey(unique); n++) {
                unique = FileNames.withSuffix(safe, n);
            }
            byName.put(unique, new UploadedFile(unique, f.contentType(), f.content()));
        }
        long id = tx.execute(status -> {
            long newId = applications.insert(name, actor);
            byName.values().forEach(f -> applications.insertFile(newId, f));
            audit.record(actor, "APPLICATION_SUBMITTED", newId,
                    Map.of("name", name, "files", List.copyOf(byName.keySet())));
            return newId;
        });
        schedule(id);
        return id;
    }

    /** Re-queues applications that were received or being processed when the workbench stopped. */
    public int resumeUnfinished() {
        List<Long> ids = applications.unfinished();
        ids.forEach(this::schedule);
        return ids.size();
    }

    private void schedule(long id) {
        executor.submit(() -> process(id));
    }

    void process(long id) {
        if (!applications.markProcessing(id)) {
            return;
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("shinsa-app-" + id + "-");
            List<Path> paths = new ArrayList<>();
            for (StoredFile f : applications.files(id)) {
                Path p = dir.resolve(f.fileName());
                Files.write(p, applications.fileContent(id, f.fileName()).orElseThrow());
                paths.add(p);
            }
            String name = applications.find(id).map(ApplicationSummary::name).orElse("application-" + id);
            ApplicationReview review = pipeline.review(name, paths, null);
            store(id, review, "system", "REVIEWED");
        } catch (Exception | OutOfMemoryError e) {
            log.warn("review of application {} failed", id, e);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            tx.executeWithoutResult(s -> {
                applications.markFailed(id, reason);
                audit.record("system", "REVIEW_FAILED", id, Map.of("reason", reason));
            });
        } finally {
            deleteQuietly(dir);
        }
    }

    void store(long id, ApplicationReview review, String actor, String action) {
        int errors = (int) review.findings().stream().filter(f -> f.severity().name().equals("ERROR")).count();
        int warnings = (int) review.findings().stream().filter(f -> f.severity().name().equals("WARNING")).count();
        Double minFit = review.itemScores().stream().map(PurposeFitScore::purposeFit).min(Comparator.naturalOrder())
                .orElse(null);
        boolean anyItemNotFit = review.itemScores().stream().anyMatch(s -> s.hint() != FitHint.FIT);
        boolean flagged = errors + warnings > 0 || anyItemNotFit
                || (review.risk() != null && review.risk().band() != RiskBand.LOW);
        Long requested = review.application().applicationForm().map(d -> d.subsidy())
                .map(s -> s.requested()).orElse(null);
        String applicant = review.application().applicant().displayName();
        String json = ContractJson.toJsonLine(review);
        tx.executeWithoutResult(s -> {
            applications.storeReview(id, review.program(), applicant.isEmpty() ? null : applicant, requested, errors,
                    warnings, review.risk() == null ? null : review.risk().score(),
                    review.risk() == null ? null : review.risk().band().name(), minFit, flagged, json);
            audit.record(actor, action, id, Map.of("errors", errors, "warnings", warnings,
                    "riskModel", review.risk() == null ? "" : review.risk().modelVersion()));
        });
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<ApplicationSummary> find(long id) {
        return applications.find(id);
    }

    @PreAuthorize("isAuthenticated()")
    public List<StoredFile> files(long id) {
        return applications.files(id);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<byte[]> fileContent(long id, String fileName) {
        return applications.fileContent(id, fileName);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<String> reviewJson(long id) {
        return applications.reviewJson(id);
    }

    /** Takes the application; fails with {@link ConcurrentChangeException} when it changed meanwhile. */
    @PreAuthorize("hasRole('EXAMINER')")
    public void assignToSelf(String actor, long id, int version) {
        tx.executeWithoutResult(s -> {
            if (!applications.assign(id, version, actor)) {
                throw new ConcurrentChangeException(id);
            }
            audit.record(actor, "ASSIGNED", id, Map.of("assignee", actor));
        });
    }

    public long count() {
        return applications.count();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}", dir, e);
        }
    }
}
