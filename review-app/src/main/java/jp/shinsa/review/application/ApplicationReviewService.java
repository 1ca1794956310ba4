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
import jp.shinsa.review.pipeline.ReviewPipeline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives applications, has the first pass run in the background and keeps its result. Files are
 * stored before anything is read, with the review's durable job in the same transaction
 * ({@link ReviewJobs}), so a crash mid-review leaves an application whose job another instance, or
 * this one after its restart, runs again, never a half-ingested one.
 */
@Service
public class ApplicationReviewService {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final ReviewPipeline pipeline;
    private final SchedulerClient jobs;
    private final TransactionTemplate tx;
    private final ObjectProvider<RowRemapper> rowRemapper;

    ApplicationReviewService(JdbcApplicationRepository applications, AuditLog audit, ReviewPipeline pipeline,
                             SchedulerClient jobs, TransactionTemplate tx,
                             ObjectProvider<RowRemapper> rowRemapper) {
        this.applications = applications;
        this.audit = audit;
        this.pipeline = pipeline;
        this.jobs = jobs;
        this.tx = tx;
        this.rowRemapper = rowRemapper;
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

    /** Keeps a review's result; false when {@code expectedVersion} is set and the application changed since. */
    boolean store(long id, Integer expectedVersion, ApplicationReview review, ExtractedApplication extraction,
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
        Boolean stored = tx.execute(s -> {
            if (!applications.storeReview(id, expectedVersion, columns)) {
                return false;
            }
            Map<String, Object> detail = new LinkedHashMap<>(auditDetail);
            detail.put("errors", errors);
            detail.put("warnings", warnings);
            detail.put("modelVersions", modelVersions(contractJson));
            audit.record(actor, action, id, detail);
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    /**
     * Corrects one extracted value and re-runs the checks and scores. The original stays in the
     * extraction, the correction is kept beside it, and both are shown.
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void correct(String actor, long id, int version, Correction correction) {
        ApplicationSummary app = applications.find(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
        if (app.version() != version) {
            throw new ConcurrentChangeException(id);
        }
        if (app.status() != ApplicationStatus.REVIEWED) {
            throw new IllegalStateException("only a reviewed, undecided application can be corrected");
        }
        ExtractedApplication original = applications.extractionJson(id).map(ExtractionJson::read)
                .orElseThrow(() -> new IllegalStateException("application " + id + " has no extraction"));
        List<Correction> all = new ArrayList<>(applications.corrections(id));
        Correction withActor = new Correction(0, correction.kind(), correction.file(), correction.account(),
                correction.fiscalYear(), correction.itemNo(), correction.field(), correction.originalValue(),
                correction.correctedValue(), correction.reason(), actor, null);
        all.add(withActor);
        // Validates the new value (parse errors surface before anything is stored).
        ExtractedApplication corrected = Corrections.apply(
                rowRemapper.getIfAvailable(() -> RowRemapper.NONE).remap(id, original), all);
        ApplicationReview review = pipeline.review(corrected, app.program());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("kind", correction.kind().name());
        detail.put("file", correction.file());
        detail.put("target", correction.kind() == Correction.Kind.FIGURE
                ? correction.account() + "/" + correction.fiscalYear() : "item " + correction.itemNo());
        detail.put("field", correction.field());
        detail.put("from", String.valueOf(correction.originalValue()));
        detail.put("to", correction.correctedValue());
        detail.put("reason", correction.reason());
        Boolean ok = tx.execute(s -> {
            // The extraction stays as read; the review shows the corrected values.
            if (!store(id, version, review, original, actor, "CORRECTED", detail)) {
                s.setRollbackOnly();
                return false;
            }
            applications.insertCorrection(id, withActor);
            return true;
        });
        if (!Boolean.TRUE.equals(ok)) {
            throw new ConcurrentChangeException(id);
        }
    }

    /**
     * Re-runs the checks and scores after a change to how the rows are read (an examiner's row
     * mapping): {@code remap} re-derives the figures from the stored extraction, the figure corrections
     * follow, and the result is kept with its audit entry and {@code inTransaction} in one transaction.
     * The extraction stays as read.
     *
     * @throws ConcurrentChangeException when someone changed the application since {@code version}
     */
    @PreAuthorize("hasRole('EXAMINER')")
    public void reviseRows(String actor, long id, int version, java.util.function.UnaryOperator<ExtractedApplication> remap,
                           String action, Map<String, ?> auditDetail, Runnable inTransaction) {
        ApplicationSummary app = applications.find(id).orElseThrow(() -> new IllegalArgumentException("no application " + id));
        if (app.version() != version) {
            throw new ConcurrentChangeException(id);
        }
        if (app.status() != ApplicationStatus.REVIEWED) {
            throw new IllegalStateException("only a reviewed, undecided application can be corrected");
        }
        ExtractedApplication original = extractionOf(id);
        ApplicationReview review = pipeline.review(Corrections.apply(remap.apply(original), applications.corrections(id)),
                app.program());
        Boolean ok = tx.execute(s -> {
            if (!store(id, version, review, original, actor, action, auditDetail)) {
                s.setRollbackOnly();
                return false;
            }
            inTransaction.run();
            return true;
        });
        if (!Boolean.TRUE.equals(ok)) {
            throw new ConcurrentChangeException(id);
        }
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
