package jp.shinsa.review.application;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ExtractionJson;
import jp.shinsa.review.pipeline.ReviewPipeline;
import jp.shinsa.review.registry.ModelActivated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-running the checks and scores of a reviewed application after a change, as a durable job
 * (db-scheduler task {@value #TASK_NAME}, one per change: instance id {@code <application id>-<revision>}). A change
 * (a figure correction, a row mapping, a promoted or rolled-back model, an examiner's request after a
 * failed re-review) raises the application's review revision and schedules this job in the
 * transaction that records it; the job reads the stored extraction, applies the row mappings and the
 * corrections as they are then, scores with the active models, and stores the review only while the
 * revision is still the one it read (checked under the row lock in the storing transaction). A change
 * made while it ran is therefore never overwritten: the job reads again and runs once more.
 *
 * <p>Same retries as the first pass ({@link ReviewJobs}): backoff doubling from
 * {@code shinsa.jobs.retry-backoff}, at most {@value ReviewJobs#MAX_REVIEW_ATTEMPTS} starts (a kill
 * counts), then given up with the reason ({@code REREVIEW_FAILED}): the application stays reviewed
 * with the scores it had, marked as not reflecting the change, and cannot be decided until an
 * examiner has the checks run again. Only reviewed, undecided applications are re-reviewed: a decided
 * application's stored review is the one its decision rests on. See
 * docs/decisions/015-durable-review-jobs.md, "Re-review".
 */
@Component
public final class ReReviewJobs {
    private static final Logger log = LoggerFactory.getLogger(ReReviewJobs.class);
    static final String TASK_NAME = "re-review-application";
    /**
     * The re-review job: no data, the instance id is the application id and the revision it was
     * scheduled for. One job per change rather than per application: a change made while the
     * application's last job is finishing still gets a job of its own (a pending job of the same id
     * would swallow it); a job that finds nothing due ends at once.
     */
    public static final TaskDescriptor<Void> REREVIEW = TaskDescriptor.of(TASK_NAME);
    /** Rounds one run makes when changes keep coming while it scores; the job is retried after that. */
    private static final int MAX_ROUNDS = 20;

    private final JdbcApplicationRepository applications;
    private final ReviewStore store;
    private final ReviewPipeline pipeline;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final SchedulerClient jobs;
    private final ObjectProvider<RowRemapper> rowRemapper;
    private final Duration retryBackoff;

    ReReviewJobs(JdbcApplicationRepository applications, ReviewStore store, ReviewPipeline pipeline,
                 AuditLog audit, TransactionTemplate tx, SchedulerClient jobs, ObjectProvider<RowRemapper> rowRemapper,
                 @Value("${shinsa.jobs.retry-backoff:5s}") Duration retryBackoff) {
        this.applications = applications;
        this.store = store;
        this.pipeline = pipeline;
        this.audit = audit;
        this.tx = tx;
        this.jobs = jobs;
        this.rowRemapper = rowRemapper;
        this.retryBackoff = retryBackoff;
    }

    /** Schedules the re-review of {@code id} at {@code revision} now, in the caller's transaction. */
    static void enqueue(SchedulerClient jobs, long id, int revision) {
        ReviewJobs.scheduleNow(jobs, REREVIEW.instance(id + "-" + revision).scheduledTo(Instant.now()));
    }

    private static long applicationId(TaskInstance<?> job) {
        String id = job.getId();
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }

    /**
     * A model was promoted or rolled back (in the registry's transaction, which this joins): every
     * reviewed, undecided application is scored again with the active models, each as its own job. The
     * first model of a kind (a fresh install) replaces none: nothing to re-score.
     */
    @EventListener
    void onModelActivated(ModelActivated event) {
        if (event.previousVersion() == null) {
            return;
        }
        List<JdbcApplicationRepository.Revision> due = applications.requestReReviewOfUndecided();
        for (var d : due) {
            enqueue(jobs, d.id(), d.revision());
        }
        if (!due.isEmpty()) {
            log.info("{} model {} active: re-reviewing {} undecided applications", event.kind(), event.version(),
                    due.size());
        }
    }

    /** Runs one re-review job. An exception leaves the job to {@link #onFailure}. */
    public void reReview(TaskInstance<Void> job) {
        long id = applicationId(job);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            var claim = tx.execute(s -> claim(id));
            if (claim == null) {
                return;
            }
            ApplicationReview review;
            ExtractedApplication asRead;
            String program;
            try {
                asRead = applications.extractionJson(id).map(ExtractionJson::read)
                        .orElseThrow(() -> new IllegalStateException("application " + id + " has no extraction"));
                program = applications.find(id).map(ApplicationSummary::program).orElse(null);
                ExtractedApplication now = Corrections.apply(
                        rowRemapper.getIfAvailable(() -> RowRemapper.NONE).remap(id, asRead), applications.corrections(id));
                review = pipeline.review(now, program);
            } catch (Exception | OutOfMemoryError e) {
                log.warn("re-review {} of application {} failed", claim.attempts() + 1, id, e);
                throw new ReviewJobs.ReviewFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
            Boolean stored = tx.execute(s -> {
                if (!applications.lockIfReReviewing(id, claim.revision())) {
                    return false;
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("revision", claim.revision());
                detail.put("attempt", claim.attempts() + 1);
                store.store(id, claim.revision(), review, asRead, "system", "REREVIEWED", detail);
                return true;
            });
            if (Boolean.TRUE.equals(stored)) {
                return;
            }
            log.info("application {} changed while its re-review ran (revision {}); running it again", id,
                    claim.revision());
        }
        throw new ReviewJobs.ReviewFailedException("the application kept changing while it was re-reviewed", null);
    }

    /**
     * Claims the due re-review for this run (its start counted), or null when there is nothing to do:
     * none due (stored already, decided, or never reviewed), or given up after too many starts.
     */
    private JdbcApplicationRepository.DueReReview claim(long id) {
        var due = applications.lockDueReReview(id);
        if (due.isEmpty()) {
            return null;
        }
        int started = due.get().attempts();
        if (started >= ReviewJobs.MAX_REVIEW_ATTEMPTS) {
            fail(id, "re-review interrupted " + started + " times (the workbench stopped during it); not retried again");
            return null;
        }
        applications.countReReviewStart(id);
        if (started > 0) {
            audit.record("system", "REREVIEW_RESUMED", id, Map.of("attempt", started + 1,
                    "revision", due.get().revision()));
        }
        return due.get();
    }

    /** A re-review that threw: again after a backoff, or given up with the reason once it was started too often. */
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> ops) {
        long id = applicationId(complete.getExecution().taskInstance);
        String reason = complete.getCause().map(ReviewJobs::reason).orElse("re-review failed");
        var due = applications.dueReReview(id);
        if (due.isEmpty()) {
            ops.remove();
            return;
        }
        int started = due.get().attempts();
        if (started >= ReviewJobs.MAX_REVIEW_ATTEMPTS) {
            tx.executeWithoutResult(s -> fail(id, reason));
            ops.remove();
            return;
        }
        Instant next = ReviewJobs.retryAt(complete.getTimeDone(), retryBackoff, started);
        log.info("re-review of application {} failed ({}); retrying at {}", id, reason, next);
        ops.reschedule(complete, next);
    }

    private void fail(long id, String reason) {
        applications.markReReviewFailed(id, reason);
        audit.record("system", "REREVIEW_FAILED", id, Map.of("reason", reason));
    }
}
