package jp.shinsa.review.application;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.shinsa.models.ApplicationReview;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.FitHint;
import jp.shinsa.models.PurposeFitScore;
import jp.shinsa.models.RiskBand;
import jp.shinsa.models.Severity;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ContractJson;
import jp.shinsa.review.pipeline.ExtractionJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeping what a review job produced: the review with its queue columns and audit entry, or the
 * failure with its reason. Used by the jobs only ({@link ReviewJobs}, {@link ReReviewJobs}).
 */
@Component
class ReviewStore {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    ReviewStore(JdbcApplicationRepository applications, AuditLog audit, TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.tx = tx;
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
     * may store.
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
}
