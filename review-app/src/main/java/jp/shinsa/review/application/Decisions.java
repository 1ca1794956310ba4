package jp.shinsa.review.application;

import java.util.Map;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an examiner decides on an application: the decision with the rationale as shown, taking it,
 * declining it for a conflict of interest. Each is one transaction with its audit entry, refused
 * when the application changed since the examiner's screen was loaded.
 */
@Component
class Decisions {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcApplicationRepository applications;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    Decisions(JdbcApplicationRepository applications, AuditLog audit, TransactionTemplate tx) {
        this.applications = applications;
        this.audit = audit;
        this.tx = tx;
    }

    long decide(String actor, long id, int version, DecisionOutcome outcome, String comment) {
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
        String versions = JSON.writeValueAsString(ReviewStore.modelVersions(snapshot));
        return tx.execute(s -> {
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
    }

    void declareConflict(String actor, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a conflict of interest needs a reason");
        }
        tx.executeWithoutResult(s -> {
            applications.declareConflict(id, actor, reason);
            audit.record(actor, "CONFLICT_DECLARED", id, Map.of("reason", reason));
        });
    }

    void assignToSelf(String actor, long id, int version) {
        tx.executeWithoutResult(s -> {
            if (!applications.assign(id, version, actor)) {
                throw new ConcurrentChangeException(id);
            }
            audit.record(actor, "ASSIGNED", id, Map.of("assignee", actor));
        });
    }
}
