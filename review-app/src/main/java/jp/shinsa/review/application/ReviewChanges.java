package jp.shinsa.review.application;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.pipeline.ExtractionJson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes that call for the checks to be run again: a correction, a row mapping, an examiner's
 * request. Each is stored with its audit entry and its re-review job ({@link ReReviewJobs}) in one
 * transaction, only at the version the examiner's screen holds; no review runs here.
 */
@Component
class ReviewChanges {
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final SchedulerClient jobs;
    private final TransactionTemplate tx;

    ReviewChanges(JdbcApplicationRepository applications, AuditLog audit, SchedulerClient jobs, TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
    }

    void correct(String actor, long id, int version, Correction correction) {
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

    void reviseRows(String actor, long id, int version, String action, Map<String, ?> auditDetail,
                    Runnable inTransaction) {
        changeable(id, version);
        requestReReview(actor, id, version, action, auditDetail, inTransaction);
    }

    void reReview(String actor, long id, int version) {
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
        return applications.extractionJson(id).map(ExtractionJson::read)
                .orElseThrow(() -> new IllegalStateException("application " + id + " has no extraction"));
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
}
