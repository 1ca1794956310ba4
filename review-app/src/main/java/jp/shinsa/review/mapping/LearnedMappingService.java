package jp.shinsa.review.mapping;

import java.util.List;
import java.util.Map;
import jp.shinsa.ingest.spread.LearnedMappings;
import jp.shinsa.review.audit.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The wordings examiners taught: applied to every later review while active, listed for the admin,
 * who can retire one (with a reason, audited; it then no longer applies to new reviews).
 */
@Service
public class LearnedMappingService {
    private final JdbcLearnedMappingRepository learned;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    LearnedMappingService(JdbcLearnedMappingRepository learned, AuditLog audit, TransactionTemplate tx) {
        this.learned = learned;
        this.audit = audit;
        this.tx = tx;
    }

    /**
     * The active learned wordings as the reader applies them, read now (one query; the pipeline asks
     * once per application). Not role-checked: background reviews run without a user.
     */
    public LearnedMappings active() {
        return LearnedMappings.of(learned.allActive().stream().map(LearnedWording::taught).toList());
    }

    /** Every learned mapping, active first, with who taught it, where, and how many applications used it. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<LearnedWording> list() {
        return learned.list();
    }

    /**
     * Retires an active learned mapping: later reviews read the wording as the reader does by itself.
     * Reviews already made keep what they were read with.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public void retire(String actor, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("retiring a learned mapping needs a reason");
        }
        tx.executeWithoutResult(s -> {
            LearnedWording w = learned.find(id).orElseThrow(() -> new IllegalArgumentException("no learned mapping " + id));
            if (!learned.retire(id, actor, reason)) {
                throw new IllegalStateException("learned mapping " + id + " is retired already");
            }
            audit.record(actor, "LEARNED_MAPPING_RETIRED", null, Map.of("learned", id, "wording", w.label(),
                    "documentType", w.documentType().name(), "kind", w.kind().name(),
                    "account", String.valueOf(w.account()), "reason", reason));
        });
    }
}
