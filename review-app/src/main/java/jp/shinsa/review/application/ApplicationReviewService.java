package jp.shinsa.review.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.review.pipeline.ExtractionJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The application feature's service: what the screens, the API and the other features ask of an
 * application, with the role each needs. The work sits behind it along its seams: receiving
 * ({@link Submissions}), changes that call for a re-review ({@link ReviewChanges}), decisions
 * ({@link Decisions}); the background jobs ({@link ReviewJobs}, {@link ReReviewJobs}) keep their
 * results through {@link ReviewStore}. Files are stored before anything is read, with the review's
 * durable job in the same transaction, so a crash mid-review leaves an application whose job another
 * instance, or this one after its restart, runs again, never a half-ingested one; a correction or a
 * row mapping is recorded with its re-review job in the same way. No review runs in a request.
 */
@Service
public class ApplicationReviewService {
    private final JdbcApplicationRepository applications;
    private final Submissions submissions;
    private final ReviewChanges changes;
    private final Decisions decisions;

    ApplicationReviewService(JdbcApplicationRepository applications, Submissions submissions, ReviewChanges changes,
                             Decisions decisions) {
        this.applications = applications;
        this.submissions = submissions;
        this.changes = changes;
        this.decisions = decisions;
    }

    /** Stores the files of a new application and, in the same transaction, the job that reviews it. */
    @PreAuthorize("hasAnyRole('EXAMINER','ADMIN')")
    public long submit(String actor, String name, List<UploadedFile> files) {
        return submissions.submit(actor, name, files);
    }

    /** Also used by the demo loader at first start, when nobody is logged in. */
    public long submitAsSystem(String actor, String name, List<UploadedFile> files) {
        return submissions.submit(actor, name, files);
    }

    /**
     * Corrects one extracted value; the checks and scores are re-run by a job scheduled in the same
     * transaction ({@link ReReviewJobs}), and the screen shows them once it is done. The original stays
     * in the extraction, the correction is kept beside it, and both are shown.
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void correct(String actor, long id, int version, Correction correction) {
        changes.correct(actor, id, version, correction);
    }

    /**
     * Records a change to how the rows are read (an examiner's row mapping, kept by {@code inTransaction})
     * with its audit entry, and schedules the re-run of the checks and scores, all in one transaction.
     * The job re-derives the figures from the stored extraction with the mappings as they are then
     * ({@link RowRemapper}); the extraction stays as read.
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void reviseRows(String actor, long id, int version, String action, Map<String, ?> auditDetail,
                           Runnable inTransaction) {
        changes.reviseRows(actor, id, version, action, auditDetail, inTransaction);
    }

    /**
     * Has the checks and scores run again with the application's corrections and mappings and the
     * active models, as after a change (the examiner's way out of a re-review that was given up).
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void reReview(String actor, long id, int version) {
        changes.reReview(actor, id, version);
    }

    /** What was read from the application's files, as stored (before row mappings and corrections). */
    @PreAuthorize("isAuthenticated()")
    public Optional<ExtractedApplication> extraction(long id) {
        return applications.extractionJson(id).map(ExtractionJson::read);
    }

    @PreAuthorize("isAuthenticated()")
    public List<Correction> corrections(long id) {
        return applications.corrections(id);
    }

    /**
     * Records the examiner's decision with the rationale as it was shown (the stored review) and the
     * model versions. A decision that departs from the AI's suggestion needs a comment; none is taken
     * while a re-review after a change is due.
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public long decide(String actor, long id, int version, DecisionOutcome outcome, String comment) {
        return decisions.decide(actor, id, version, outcome, comment);
    }

    @PreAuthorize("isAuthenticated()")
    public List<DecisionRecord> decisions(long id) {
        return applications.decisions(id);
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<String> aiSuggestion(long id) {
        return applications.aiSuggestion(id);
    }

    /** Declines the application for a conflict of interest (recorded; the examiner can no longer decide it). */
    @PreAuthorize("hasRole('EXAMINER')")
    public void declareConflict(String actor, long id, String reason) {
        decisions.declareConflict(actor, id, reason);
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
        decisions.assignToSelf(actor, id, version);
    }

    public long count() {
        return applications.count();
    }
}
