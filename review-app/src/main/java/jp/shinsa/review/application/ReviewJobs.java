package jp.shinsa.review.application;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ReviewPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first pass of an application as a durable job (db-scheduler task {@value #TASK_NAME}, one job per
 * application, its id as the instance id). The job is scheduled in the transaction that stores the
 * application's files, so an acknowledged submission always has its job; any instance on the same
 * database may run it, and one whose instance died is run again by another.
 *
 * <p>Each start of a review counts ({@code application.review_attempts}, also after a kill, when the
 * engine revives the job). A review that throws is retried with exponential backoff; one started
 * {@value #MAX_REVIEW_ATTEMPTS} times without finishing is marked FAILED with the reason. The result is
 * stored only while this run still holds the application (status PROCESSING at the attempt it
 * claimed, checked under a row lock in the storing transaction): a run that was taken for dead and
 * started again elsewhere cannot store a second review. See docs/decisions/015-durable-review-jobs.md.
 */
@Component
public final class ReviewJobs {
    private static final Logger log = LoggerFactory.getLogger(ReviewJobs.class);
    static final String TASK_NAME = "review-application";
    /** The review job: no data, the instance id is the application id. */
    public static final TaskDescriptor<Void> REVIEW = TaskDescriptor.of(TASK_NAME);
    /** Times a review may be started before it is given up (interrupted or failed alike). */
    static final int MAX_REVIEW_ATTEMPTS = 3;

    private final JdbcApplicationRepository applications;
    private final ReviewStore store;
    private final ReviewPipeline pipeline;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Duration retryBackoff;
    private final SchedulerClient jobs;

    ReviewJobs(JdbcApplicationRepository applications, ReviewStore store, ReviewPipeline pipeline,
               AuditLog audit, TransactionTemplate tx, SchedulerClient jobs,
               @Value("${shinsa.jobs.retry-backoff:5s}") Duration retryBackoff) {
        this.jobs = jobs;
        this.applications = applications;
        this.store = store;
        this.pipeline = pipeline;
        this.audit = audit;
        this.tx = tx;
        this.retryBackoff = retryBackoff;
    }

    /**
     * Schedules the review of {@code id} now, in the caller's transaction when there is one (the job
     * exists exactly when that transaction commits); nothing when a job for it is already pending.
     */
    static void enqueue(SchedulerClient jobs, long id) {
        scheduleNow(jobs, REVIEW.instance(Long.toString(id)).scheduledTo(Instant.now()));
    }

    /**
     * Schedules a job now unless one of that task and id is already pending, in the caller's
     * transaction when there is one, and has this instance look for due jobs once it is visible.
     */
    static void scheduleNow(SchedulerClient jobs, com.github.kagkarlsson.scheduler.task.SchedulableInstance<?> job) {
        jobs.scheduleIfNotExists(job);
        if (jobs instanceof Scheduler scheduler) {
            // Start it at once rather than at the next poll, but only once it is visible to the workers.
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        scheduler.triggerCheckForDueExecutions();
                    }
                });
            } else {
                scheduler.triggerCheckForDueExecutions();
            }
        }
    }

    /** Runs one review job. An exception leaves the job to {@link #onFailure}. */
    public void review(TaskInstance<Void> job) {
        long id = Long.parseLong(job.getId());
        Claim claim = tx.execute(s -> claim(id));
        if (claim == null) {
            return;
        }
        int attempt = claim.attempt();
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
            Boolean stored = tx.execute(s -> {
                if (!applications.lockIfProcessingAttempt(id, attempt)) {
                    return false;
                }
                store.store(id, claim.revision(), review, review.application(), "system", "REVIEWED", Map.of());
                int now = applications.reviewRevision(id);
                if (now > claim.revision()) {
                    // A model was promoted while this pass ran: it may have scored with the old one.
                    ReReviewJobs.enqueue(jobs, id, now);
                }
                return true;
            });
            if (!Boolean.TRUE.equals(stored)) {
                log.info("review {} of application {} was superseded by a later one; not stored", attempt, id);
            }
        } catch (Exception | OutOfMemoryError e) {
            log.warn("review {} of application {} failed", attempt, id, e);
            throw new ReviewFailedException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** A run's hold on an application: its attempt number and the review revision it reads. */
    private record Claim(int attempt, int revision) {
    }

    /**
     * Claims the application for this run, or null when there is nothing to do: already reviewed or
     * decided, or given up after too many starts.
     */
    private Claim claim(long id) {
        var unfinished = applications.lockUnfinished(id);
        if (unfinished.isEmpty()) {
            return null;
        }
        int started = unfinished.get().attempts();
        if (started >= MAX_REVIEW_ATTEMPTS) {
            store.fail(id, "review interrupted " + started + " times (the workbench stopped during it); "
                    + "not retried again");
            return null;
        }
        if (!applications.markProcessing(id)) {
            return null;
        }
        if (started > 0) {
            audit.record("system", "REVIEW_RESUMED", id, Map.of("attempt", started + 1));
        }
        return new Claim(started + 1, applications.reviewRevision(id));
    }

    /** A review that threw: again after a backoff, or FAILED with the reason once it was started too often. */
    public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> ops) {
        long id = Long.parseLong(complete.getExecution().taskInstance.getId());
        String reason = complete.getCause().map(ReviewJobs::reason).orElse("review failed");
        var unfinished = applications.unfinished(id);
        if (unfinished.isEmpty()) {
            ops.remove();
            return;
        }
        int started = unfinished.get().attempts();
        if (started >= MAX_REVIEW_ATTEMPTS) {
            store.fail(id, reason);
            ops.remove();
            return;
        }
        Instant next = retryAt(complete.getTimeDone(), retryBackoff, started);
        log.info("review of application {} failed ({}); retrying at {}", id, reason, next);
        ops.reschedule(complete, next);
    }

    /** When a job that failed after {@code started} starts runs again: the backoff, doubled each time. */
    static Instant retryAt(Instant failedAt, Duration backoff, int started) {
        return failedAt.plus(backoff.multipliedBy(1L << Math.min(Math.max(started - 1, 0), 10)));
    }

    static String reason(Throwable t) {
        return t instanceof ReviewFailedException ? t.getMessage() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A review that threw; its message is the reason kept with a FAILED application. */
    static final class ReviewFailedException extends RuntimeException {
        ReviewFailedException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    static void deleteQuietly(Path dir) {
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
