package jp.shinsa.review.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.Severity;
import jp.shinsa.review.pipeline.ExtractionJson;
import tools.jackson.databind.json.JsonMapper;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RiskBand;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ContractJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives applications, has the first pass run in the background and keeps its result. Files are
 * stored before anything is read, with the review's durable job in the same transaction
 * ({@link ReviewJobs}), so a crash mid-review leaves an application whose job another instance, or
 * this one after its restart, runs again, never a half-ingested one. A correction or a row mapping is
 * recorded with its re-review job in the same way ({@link ReReviewJobs}); no review runs in a request.
 */
@Service
public class ApplicationReviewService {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final SchedulerClient jobs;
    private final TransactionTemplate tx;

    ApplicationReviewService(JdbcApplicationRepository applications, AuditLog audit, SchedulerClient jobs,
                             TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
    }

    /** Stores the files of a new application and, in the same transaction, the job that reviews it. */
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
            ReviewJobs.enqueue(jobs, newId);
            return newId;
        });
        return id;
    }

    /** Marks the review failed with its reason, and says so in the audit log, together. */
    void fail(long id, String reason) {
        tx.executeWithoutResult(s -> {
            applications.markFailed(id, reason);
            audit.record("system", "REVIEW_FAILED", id, Map.of("reason", reason));
        });
    }

    /**
     * Keeps a review's result as that of review revision {@code revision}, with its audit entry, in the
     * caller's transaction; the caller holds the application's row lock and has checked that its run
     * may store ({@link ReviewJobs}, {@link ReReviewJobs}).
     */
    void store(long id, int revision, ApplicationReview review, ExtractedApplication extraction,
               String actor, String action, Map<String, ?> auditDetail) {
        int errors = (int) review.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        int warnings = (int) review.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
        Double minFit = review.itemScores().stream().map(PurposeFitScore::purposeFit).min(Comparator.naturalOrder())
                .orElse(null);
        boolean anyItemNotFit = review.itemScores().stream().anyMatch(s -> s.hint() != FitHint.FIT);
        boolean flagged = errors + warnings > 0 || anyItemNotFit
                || (review.risk() != null && review.risk().band() != RiskBand.LOW);
        Long requested = review.application().applicationForm().map(d -> d.subsidy())
                .map(s -> s.requested()).orElse(null);
        String applicant = review.application().applicant().displayName();
        String contractJson = ContractJson.toJsonLine(review);
        var columns = new JdbcApplicationRepository.ReviewColumns(review.program(),
                applicant.isEmpty() ? null : applicant, requested, errors, warnings,
                review.risk() == null ? null : review.risk().score(),
                review.risk() == null ? null : review.risk().band().name(), minFit, flagged,
                contractJson, ExtractionJson.write(extraction),
                AiSuggestion.of(review).name());
        applications.storeReview(id, revision, columns);
        Map<String, Object> detail = new LinkedHashMap<>(auditDetail);
        detail.put("errors", errors);
        detail.put("warnings", warnings);
        detail.put("modelVersions", modelVersions(contractJson));
        audit.record(actor, action, id, detail);
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
        ExtractedApplication original = changeable(id, version);
        List<Correction> all = new ArrayList<>(applications.corrections(id));
        Correction withActor = new Correction(0, correction.kind(), correction.file(), correction.account(),
                correction.fiscalYear(), correction.itemNo(), correction.field(), correction.originalValue(),
                correction.correctedValue(), correction.reason(), actor, null);
        all.add(withActor);
        // Validates the new value (parse errors surface before anything is stored).
        Corrections.apply(original, all);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", correction.kind().name());
        detail.put("file", correction.file());
        detail.put("target", correction.kind() == Correction.Kind.FIGURE
                ? correction.account() + "/" + correction.fiscalYear() : "item " + correction.itemNo());
        detail.put("field", correction.field());
        detail.put("from", String.valueOf(correction.originalValue()));
        detail.put("to", correction.correctedValue());
        detail.put("reason", correction.reason());
        requestReReview(actor, id, version, "CORRECTED", detail, () -> applications.insertCorrection(id, withActor));
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
        changeable(id, version);
        requestReReview(actor, id, version, action, auditDetail, inTransaction);
    }

    /**
     * Has the checks and scores run again with the application's corrections and mappings and the
     * active models, as after a change (the examiner's way out of a re-review that was given up).
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void reReview(String actor, long id, int version) {
        changeable(id, version);
        requestReReview(actor, id, version, "REREVIEW_REQUESTED", Map.of(), () -> { });
    }

    /** The application as read, when it may be changed at {@code version}: reviewed, undecided, unchanged since. */
    private ExtractedApplication changeable(long id, int version) {
        ApplicationSummary app = applications.find(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
        if (app.version() != version) {
            throw new ConcurrentChangeException(id);
        }
        if (app.status() != ApplicationStatus.REVIEWED) {
            throw new IllegalStateException("only a reviewed, undecided application can be corrected");
        }
        return extractionOf(id);
    }

    /** The change, its audit entry and its re-review job, in one transaction, only at {@code version}. */
    private void requestReReview(String actor, long id, int version, String action, Map<String, ?> auditDetail,
                                 Runnable inTransaction) {
        tx.executeWithoutResult(s -> {
            int revision = applications.requestReReview(id, version)
                    .orElseThrow(() -> new ConcurrentChangeException(id));
            inTransaction.run();
            Map<String, Object> detail = new LinkedHashMap<>(auditDetail);
            detail.put("revision", revision);
            audit.record(actor, action, id, detail);
            ReReviewJobs.enqueue(jobs, id, revision);
        });
    }

    /** What was read from the application's files, as stored (before row mappings and corrections). */
    @PreAuthorize("isAuthenticated()")
    public Optional<ExtractedApplication> extraction(long id) {
        return applications.extractionJson(id).map(ExtractionJson::read);
    }

    private ExtractedApplication extractionOf(long id) {
        return applications.extractionJson(id).map(ExtractionJson::read)
                .orElseThrow(() -> new IllegalStateException("application " + id + " has no extraction"));
    }

    @PreAuthorize("isAuthenticated()")
    public List<Correction> corrections(long id) {
        return applications.corrections(id);
    }

    /**
     * Records the examiner's decision with the rationale as it was shown (the stored review) and the
     * model versions. A decision that departs from the AI's suggestion needs a comment.
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public long decide(String actor, long id, int version, DecisionOutcome outcome, String comment) {
        ApplicationSummary app = applications.find(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
        if (app.reviewPending()) {
            throw new IllegalStateException("変更を反映した再チェックが終わっていません。終わってから決定してください。"
                    + " / The checks are being re-run after a change; decide once they are done.");
        }
        if (applications.hasConflict(id, actor)) {
            throw new IllegalStateException("you declared a conflict of interest for this application");
        }
        String suggestion = applications.aiSuggestion(id).orElse(null);
        boolean departs = suggestion != null && !suggestion.equals(outcome.name());
        if (departs && (comment == null || comment.isBlank())) {
            throw new IllegalArgumentException("a decision that departs from the AI's suggestion needs a comment");
        }
        String snapshot = applications.reviewJson(id).orElse("{}");
        String versions = JSON.writeValueAsString(modelVersions(snapshot));
        Long decisionId = tx.execute(s -> {
            // Also refused when a change came in meanwhile: the review shown would no longer be current.
            if (!applications.decide(id, version, outcome)) {
                throw new ConcurrentChangeException(id);
            }
            long did = applications.insertDecision(id, outcome, comment, departs, actor, versions, snapshot, suggestion);
            audit.record(actor, "DECIDED", id, Map.of("outcome", outcome.name(), "decision", did,
                    "aiSuggestion", String.valueOf(suggestion), "departsFromAi", departs,
                    "comment", comment == null ? "" : comment));
            return did;
        });
        return decisionId;
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
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a conflict of interest needs a reason");
        }
        tx.executeWithoutResult(s -> {
            applications.declareConflict(id, actor, reason);
            audit.record(actor, "CONFLICT_DECLARED", id, Map.of("reason", reason));
        });
    }

    /**
     * The model versions a review was scored with, read from its contract JSON: the one source for
     * both the review's audit entry and the decision made on it.
     */
    static Map<String, String> modelVersions(String reviewJson) {
        var node = JSON.readTree(reviewJson);
        Map<String, String> versions = new LinkedHashMap<>();
        var risk = node.path("risk").path("modelVersion");
        if (!risk.isMissingNode() && !risk.isNull()) {
            versions.put("risk", risk.asString());
        }
        for (var item : node.path("items")) {
            if (item.has("modelVersion")) {
                versions.put("purposeFit", item.path("modelVersion").asString());
                break;
            }
        }
        return versions;
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

}
